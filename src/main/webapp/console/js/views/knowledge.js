// Knowledge bases: create one, upload documents and watch them become ready, test a search.
import {api, describe, get} from '../api.js';
import {alertBox, field, formatTime, h, replace, toast} from '../dom.js';

const POLL_MS = 1000;
const UNFINISHED = new Set(['pending', 'processing']);

export function knowledgeView(main) {
    const listArea = h('div', {'aria-live': 'polite'});
    const detail = h('section', {class: 'kb-detail', 'aria-label': 'Knowledge base', hidden: true});
    let timer = null;
    let current = null;

    const name = h('input', {type: 'text', name: 'kb-name', required: true});
    const namespace = h('input', {type: 'text', name: 'kb-namespace', value: 'default'});
    const description = h('input', {type: 'text', name: 'kb-description'});
    const chunkSize = h('input', {type: 'number', name: 'chunk_size', min: 16, max: 8192, value: 512});
    const chunkOverlap = h('input', {type: 'number', name: 'chunk_overlap', min: 0, max: 8192, value: 50});
    const createError = h('div');
    const createForm = h('form', {class: 'card', 'aria-labelledby': 'kb-create-title'},
        h('h2', {id: 'kb-create-title'}, 'New knowledge base'),
        h('div', {class: 'grid'}, field('Name', name).row, field('Namespace', namespace).row, field('Description', description).row,
            field('Chunk size (tokens)', chunkSize).row, field('Chunk overlap (tokens)', chunkOverlap).row),
        createError,
        h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Create')));
    createForm.addEventListener('submit', async event => {
        event.preventDefault();
        replace(createError);
        try {
            const kb = await api('POST', '/admin/ai/knowledge-bases', {name: name.value.trim(), namespace: namespace.value.trim(),
                description: description.value.trim(), chunk_size: Number(chunkSize.value), chunk_overlap: Number(chunkOverlap.value)});
            toast(`Knowledge base ${kb.name} created.`);
            name.value = '';
            await load();
            open(kb.id);
        } catch (error) {
            replace(createError, alertBox(describe(error)));
        }
    });

    replace(main, h('h1', {}, 'Knowledge bases'), listArea, detail, createForm);

    async function load() {
        try {
            const list = await get('/admin/ai/knowledge-bases');
            replace(listArea, list.knowledge_bases.length ? h('div', {class: 'table-scroll'}, h('table', {class: 'data'},
                h('caption', {}, `${list.count} knowledge base(s)`),
                h('thead', {}, h('tr', {}, ['Name', 'Namespace', 'Documents', 'Chunks', 'Embedding model', ''].map(t => h('th', {scope: 'col'}, t)))),
                h('tbody', {}, list.knowledge_bases.map(kb => h('tr', {'data-kb': kb.name},
                    h('th', {scope: 'row'}, kb.name),
                    h('td', {}, kb.namespace),
                    h('td', {class: 'number'}, kb.document_count),
                    h('td', {class: 'number'}, kb.total_chunks),
                    h('td', {}, `${kb.embedding_model} (${kb.embedding_dimensions})`),
                    h('td', {}, h('button', {type: 'button', class: 'secondary', 'aria-label': `Open ${kb.name}`,
                        onclick: () => open(kb.id)}, 'Open')))))))
                : h('p', {}, 'No knowledge bases yet.'));
        } catch (error) {
            replace(listArea, alertBox(describe(error)));
        }
    }

    async function open(id) {
        let kb;
        try {
            kb = await get('/admin/ai/knowledge-bases/' + id);
        } catch (error) {
            toast(describe(error));
            return;
        }
        current = kb.id;
        const file = h('input', {type: 'file', name: 'file', required: true, accept: '.txt,.md,.markdown,.csv,.json,.html,.htm,.pdf,.docx,.xlsx,.pptx,.odt,.rtf,.epub,.eml'});
        const title = h('input', {type: 'text', name: 'title'});
        const uploadStatus = h('div', {'aria-live': 'polite'});
        const upload = h('form', {class: 'card', 'aria-labelledby': 'upload-title'},
            h('h3', {id: 'upload-title'}, 'Upload a document'),
            field('File (text, Markdown, CSV, JSON, HTML, PDF, Word, Excel, PowerPoint, OpenDocument, RTF, EPUB or e-mail)', file).row, field('Title (optional)', title).row,
            uploadStatus, h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Upload')));
        upload.addEventListener('submit', async event => {
            event.preventDefault();
            if (!file.files.length) {
                return;
            }
            const data = new FormData();
            data.append('file', file.files[0], file.files[0].name);
            if (title.value.trim()) {
                data.append('title', title.value.trim());
            }
            replace(uploadStatus, h('p', {}, 'Uploading…'));
            try {
                const accepted = await api('POST', `/admin/ai/knowledge-bases/${kb.id}/documents/upload`, data);
                replace(uploadStatus, h('p', {}, `${accepted.filename} uploaded (${accepted.extracted_length} characters of text): `
                    + 'its status shows under Documents.'));
                upload.reset();
                documentsLoad();
            } catch (error) {
                replace(uploadStatus, alertBox(describe(error)));
            }
        });

        const documents = h('div', {'aria-live': 'polite'});
        const query = h('input', {type: 'search', name: 'query', required: true});
        const results = h('div', {'aria-live': 'polite'});
        const search = h('form', {class: 'card', role: 'search', 'aria-labelledby': 'search-title'},
            h('h3', {id: 'search-title'}, 'Test a search'),
            field('Query', query).row, h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Search')), results);
        search.addEventListener('submit', async event => {
            event.preventDefault();
            try {
                const answer = await api('POST', `/admin/ai/knowledge-bases/${kb.id}/search`, {query: query.value.trim(), max_chunks: 5});
                replace(results, answer.results.length ? h('ol', {class: 'search-results'}, answer.results.map(hit => h('li', {},
                    h('p', {}, h('strong', {}, hit.document_title || 'Untitled'), ` — similarity ${hit.similarity.toFixed(3)}`),
                    h('blockquote', {}, hit.content))))
                    : h('p', {}, 'No chunk is similar enough.'));
            } catch (error) {
                replace(results, alertBox(describe(error)));
            }
        });

        replace(detail, h('h2', {tabindex: '-1', id: 'kb-title'}, `${kb.namespace}/${kb.name}`),
            kb.description ? h('p', {}, kb.description) : null,
            h('h3', {}, 'Documents'), documents,
            h('div', {class: 'kb-panels'}, upload, search));
        detail.hidden = false;
        detail.querySelector('#kb-title').focus();

        async function documentsLoad() {
            clearTimeout(timer);
            if (current !== kb.id) {
                return;
            }
            try {
                const list = await get(`/admin/ai/knowledge-bases/${kb.id}/documents`);
                replace(documents, list.documents.length ? h('div', {class: 'table-scroll'}, h('table', {class: 'data documents'},
                    h('thead', {}, h('tr', {}, ['Title', 'Type', 'Status', 'Chunks', 'Updated'].map(t => h('th', {scope: 'col'}, t)))),
                    h('tbody', {}, list.documents.map(d => h('tr', {'data-document': d.title},
                        h('th', {scope: 'row'}, d.title || d.source_url || d.id),
                        h('td', {}, d.mime_type),
                        h('td', {}, h('span', {class: 'doc-status status-' + d.status}, d.status),
                            d.error_message ? h('small', {class: 'error-text'}, ' ' + d.error_message) : null),
                        h('td', {class: 'number'}, d.chunk_count),
                        h('td', {}, formatTime(d.updated_at)))))))
                    : h('p', {}, 'No documents yet.'));
                if (list.documents.some(d => UNFINISHED.has(d.status))) {
                    timer = setTimeout(documentsLoad, POLL_MS);
                } else {
                    load();
                }
            } catch (error) {
                replace(documents, alertBox(describe(error)));
            }
        }
        documentsLoad();
    }

    load();
    return () => clearTimeout(timer);
}
