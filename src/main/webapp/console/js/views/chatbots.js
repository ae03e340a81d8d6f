// Chatbot administration: list by namespace, enable or disable, view code and settings, sync with a preview.
import {api, describe, get} from '../api.js';
import {alertBox, field, formatTime, h, replace, toast} from '../dom.js';
import {checksBadge, rlsChecksSection} from './rlschecks.js';

const SETTINGS = [
    ['model', 'Model'], ['provider', 'Provider'], ['max_tokens', 'Max tokens'], ['temperature', 'Temperature'],
    ['allowed_tables', 'Allowed tables'], ['allowed_operations', 'Allowed operations'], ['allowed_schemas', 'Allowed schemas'],
    ['tools', 'Tools'], ['persist_conversations', 'Persist conversations'], ['conversation_ttl_hours', 'Conversation TTL (hours)'],
    ['max_conversation_turns', 'Max turns'], ['rate_limit_per_minute', 'Rate limit (per minute)'],
    ['daily_request_limit', 'Daily limit'], ['daily_token_budget', 'Daily token budget'],
    ['allow_unauthenticated', 'Allow unauthenticated'], ['is_public', 'Public'], ['http_allowed_domains', 'HTTP domains'],
    ['knowledge_bases', 'Knowledge bases'], ['rag_max_chunks', 'RAG max chunks'], ['rag_similarity_threshold', 'RAG threshold'],
    ['max_tool_iterations', 'Max tool rounds'], ['version', 'Version'], ['source', 'Source'],
];

export function chatbotsView(main) {
    const namespace = h('input', {type: 'text', name: 'namespace', list: 'namespaces', placeholder: 'all namespaces'});
    const namespaces = h('datalist', {id: 'namespaces'});
    const filter = h('form', {class: 'inline-form', role: 'search', 'aria-label': 'Filter chatbots'},
        field('Namespace', namespace).row, h('button', {type: 'submit'}, 'Show'));
    const listArea = h('div', {'aria-live': 'polite'});
    const detail = h('section', {class: 'card detail', 'aria-label': 'Chatbot details', hidden: true, tabindex: '-1'});

    const syncNamespace = h('input', {type: 'text', name: 'sync-namespace', value: 'default', list: 'namespaces', required: true});
    const deleteMissing = h('input', {type: 'checkbox', name: 'delete-missing', id: 'delete-missing'});
    const preview = h('button', {type: 'submit', value: 'preview'}, 'Preview changes');
    const apply = h('button', {type: 'submit', value: 'apply', class: 'secondary'}, 'Sync now');
    const syncResult = h('div', {class: 'sync-result', 'aria-live': 'polite'});
    const syncForm = h('form', {class: 'card', 'aria-labelledby': 'sync-title'},
        h('h2', {id: 'sync-title'}, 'Sync from the chatbots directory'),
        h('p', {class: 'muted'}, 'Compares a namespace with the server\'s chatbot files. The preview is a dry run: it changes nothing.'),
        field('Namespace', syncNamespace).row,
        h('div', {class: 'field checkbox'}, deleteMissing, h('label', {for: 'delete-missing'}, 'Delete chatbots whose files are gone')),
        h('div', {class: 'actions'}, preview, apply),
        syncResult);

    replace(main, h('h1', {}, 'Chatbots'), namespaces, filter, listArea, detail, syncForm);

    filter.addEventListener('submit', event => {
        event.preventDefault();
        load();
    });

    syncForm.addEventListener('submit', async event => {
        event.preventDefault();
        const dryRun = event.submitter !== apply;
        if (!dryRun && !confirm(`Sync namespace "${syncNamespace.value}" now?`)) {
            return;
        }
        replace(syncResult, h('p', {}, dryRun ? 'Previewing…' : 'Syncing…'));
        try {
            const result = await api('POST', '/admin/ai/chatbots/sync', {
                namespace: syncNamespace.value.trim(),
                options: {dry_run: dryRun, delete_missing: deleteMissing.checked},
            });
            replace(syncResult, syncReport(result));
            if (!dryRun) {
                load();
            }
        } catch (error) {
            replace(syncResult, alertBox(describe(error)));
        }
    });

    let latest = 0;

    async function load() {
        const ns = namespace.value.trim();
        const call = ++latest;
        try {
            const list = await get('/admin/ai/chatbots' + (ns ? '?namespace=' + encodeURIComponent(ns) : ''));
            if (call !== latest) {
                return; // a newer filter was asked for meanwhile
            }
            if (!ns) {
                replace(namespaces, [...new Set(list.chatbots.map(c => c.namespace))].sort().map(n => h('option', {value: n})));
            }
            replace(listArea, table(list.chatbots));
        } catch (error) {
            replace(listArea, alertBox(describe(error)));
        }
    }

    function table(chatbots) {
        if (!chatbots.length) {
            return h('p', {}, 'No chatbots in this namespace.');
        }
        return h('div', {class: 'table-scroll'}, h('table', {class: 'data chatbots'},
            h('caption', {}, `${chatbots.length} chatbot(s)`),
            h('thead', {}, h('tr', {}, ['Name', 'Namespace', 'Description', 'Enabled', 'RLS checks', 'Updated', ''].map(t => h('th', {scope: 'col'}, t)))),
            h('tbody', {}, chatbots.map(row))));
    }

    function row(bot) {
        const toggle = h('input', {type: 'checkbox', role: 'switch', checked: bot.enabled, 'aria-checked': String(bot.enabled),
            'aria-label': `Enabled: ${bot.namespace}/${bot.name}`, 'data-chatbot': `${bot.namespace}/${bot.name}`});
        toggle.addEventListener('change', async () => {
            const enabled = toggle.checked;
            toggle.disabled = true;
            try {
                const changed = await api('PUT', `/admin/ai/chatbots/${bot.id}/toggle`, {enabled});
                toggle.checked = changed.enabled;
                toast(`${bot.name} is now ${changed.enabled ? 'enabled' : 'disabled'}.`);
            } catch (error) {
                toggle.checked = !enabled;
                toast(`Could not change ${bot.name}: ${describe(error)}`);
            } finally {
                toggle.setAttribute('aria-checked', String(toggle.checked));
                toggle.disabled = false;
            }
        });
        return h('tr', {'data-chatbot': `${bot.namespace}/${bot.name}`},
            h('th', {scope: 'row'}, bot.name),
            h('td', {}, bot.namespace),
            h('td', {}, bot.description || ''),
            h('td', {}, toggle),
            h('td', {}, checksBadge(bot.rls_checks)),
            h('td', {}, formatTime(bot.updated_at)),
            h('td', {}, h('button', {type: 'button', class: 'secondary', onclick: () => show(bot.id),
                'aria-label': `View ${bot.namespace}/${bot.name}`}, 'View')));
    }

    async function show(id) {
        try {
            const bot = await get('/admin/ai/chatbots/' + id);
            replace(detail,
                h('h2', {}, `${bot.namespace}/${bot.name}`),
                bot.description ? h('p', {}, bot.description) : null,
                h('dl', {class: 'settings'}, SETTINGS.filter(([key]) => bot[key] !== undefined).flatMap(([key, label]) =>
                    [h('dt', {}, label), h('dd', {}, Array.isArray(bot[key]) ? (bot[key].join(', ') || '—') : String(bot[key]))])),
                h('h3', {}, 'Code'),
                h('pre', {class: 'code', tabindex: '0'}, h('code', {}, bot.code || '')),
                rlsChecksSection(bot, load),
                h('button', {type: 'button', class: 'secondary', onclick: () => { detail.hidden = true; }}, 'Close'));
            detail.hidden = false;
            detail.focus();
        } catch (error) {
            toast(describe(error));
        }
    }

    load();
}

function syncReport(result) {
    const lists = ['created', 'updated', 'deleted', 'unchanged'].map(kind => h('li', {},
        h('strong', {}, `${kind}: ${result.summary[kind]}`),
        result.details[kind].length ? ' ' + result.details[kind].join(', ') : ''));
    return h('div', {},
        h('p', {}, result.message),
        h('ul', {class: 'sync-summary'}, lists),
        result.errors.length ? h('ul', {class: 'errors'}, result.errors.map(e => h('li', {}, `${e.name}: ${e.error}`))) : null);
}
