// The chat playground: pick a chatbot, stream answers over the WebSocket, resume stored conversations.
import {describe, get} from '../api.js';
import {alertBox, field, formatTime, h, replace, toast} from '../dom.js';
import {renderMarkdown} from '../markdown.js';
import {revealPseudonyms} from '../pseudonyms.js';
import {ChatSocket} from '../socket.js';
import {ChatConversation} from '../conversation.js';
import {sortableTable} from '../table.js';

const STEP_LABELS = {
    thinking: 'Thinking',
    generating: 'Generating',
    querying: 'Writing a query',
    executing: 'Running the query',
    retrieving: 'Searching the knowledge base',
};

export function chatView(main) {
    const socket = new ChatSocket(() => status('The connection closed; the next message reconnects.'));
    // decisions: write previews confirmed or cancelled, waiting for their answer, in the order they were sent
    const state = {chatbots: new Map(), turn: null, decisions: []};
    const current = new ChatConversation(socket, onFrame, () => messages.append(h('p', {class: 'note muted'},
        'The session was renewed and this chatbot keeps no conversations across connections: a new conversation begins here.')));

    const select = h('select', {name: 'chatbot'});
    const description = h('p', {class: 'muted', id: 'chatbot-description'});
    const conversations = h('ul', {class: 'conversation-list', 'aria-label': 'Stored conversations'});
    const conversationNote = h('p', {class: 'muted'});
    const messages = h('div', {class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages', tabindex: '0'});
    const input = h('textarea', {name: 'message', rows: 3, required: true, placeholder: 'Ask something…'});
    const send = h('button', {type: 'submit'}, 'Send');
    const cancel = h('button', {type: 'button', class: 'secondary', disabled: true}, 'Cancel');
    const statusLine = h('p', {class: 'status', role: 'status'});
    const form = h('form', {class: 'composer', 'aria-label': 'Send a message'},
        field('Message', input, 'Enter sends, Shift+Enter starts a new line').row, h('div', {class: 'actions'}, send, cancel));
    select.setAttribute('aria-describedby', description.id);

    replace(main,
        h('h1', {class: 'visually-hidden'}, 'Chat playground'),
        h('div', {class: 'chat-layout'},
            h('aside', {class: 'chat-side', 'aria-label': 'Chatbot and conversations'},
                field('Chatbot', select).row,
                description,
                h('button', {type: 'button', class: 'secondary', onclick: () => newConversation()}, 'New conversation'),
                // Folded on narrow screens, where the list would push the chat below the fold.
                h('details', {class: 'conversations', open: matchMedia('(min-width: 761px)').matches},
                    h('summary', {}, h('h2', {}, 'Your conversations')),
                    conversationNote,
                    conversations)),
            h('section', {class: 'chat-main', 'aria-label': 'Conversation'}, messages, statusLine, form)));

    function status(text) {
        statusLine.textContent = text;
    }

    function chosen() {
        return state.chatbots.get(select.value);
    }

    function newConversation() {
        current.reset();
        replace(messages);
        status('');
        markCurrent();
        input.focus();
    }

    select.addEventListener('change', () => {
        description.textContent = chosen()?.description || '';
        newConversation();
    });

    input.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
        }
    });

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const content = input.value.trim();
        const bot = chosen();
        if (!content || !bot || state.turn) {
            return;
        }
        send.disabled = true;
        try {
            await current.prepare(bot);
        } catch (error) {
            send.disabled = false;
            messages.append(alertBox(frameError(error)));
            return;
        }
        input.value = '';
        messages.append(userMessage(content));
        state.turn = assistantMessage();
        messages.append(state.turn.element);
        messages.scrollTop = messages.scrollHeight;
        cancel.disabled = false;
        status('Answering…');
        current.send(content);
    });

    cancel.addEventListener('click', () => {
        if (state.turn && current.id) {
            current.cancel();
            status('Cancelling…');
        }
    });

    function onFrame(frame) {
        const turn = state.turn;
        // a decision's answer comes after the turn that made the preview, in the order the decisions were sent
        if (frame.type === 'write_result' || (frame.type === 'error' && !turn && state.decisions.length)) {
            state.decisions.shift()?.(frame);
            return;
        }
        if (!turn) {
            return;
        }
        switch (frame.type) {
            case 'progress':
                turn.progress(frame);
                break;
            case 'content':
                turn.append(frame.delta || '');
                break;
            case 'query_result':
                turn.queryResult(frame);
                break;
            case 'write_preview':
                turn.writePreview(frame, (confirm, settle) => {
                    state.decisions.push(settle);
                    current.decideWrite(frame.preview_id, confirm);
                });
                break;
            case 'done':
                finish(turn.done(frame.usage, frame.pseudonyms), 'Answered.');
                refreshConversations();
                break;
            case 'cancelled':
                finish(turn.stop('Cancelled', 'cancelled'), 'The answer was cancelled.');
                break;
            case 'error':
                finish(turn.stop(frameError(frame), 'error'), 'The answer failed.');
                break;
            case 'closed':
                finish(turn.stop('The connection closed before the answer ended', 'error'), '');
                current.reset();
                break;
            default:
                break;
        }
        messages.scrollTop = messages.scrollHeight;
    }

    function finish(_, text) {
        state.turn = null;
        cancel.disabled = true;
        send.disabled = false;
        status(text);
    }

    async function refreshConversations() {
        try {
            const page = await get('/ai/conversations?limit=50');
            conversationNote.textContent = page.total ? '' : 'None yet. Chatbots that persist conversations keep them here.';
            replace(conversations, page.conversations.map(c => h('li', {},
                h('button', {type: 'button', class: 'conversation', 'data-id': c.id, onclick: () => resume(c.id)},
                    h('span', {class: 'title'}, c.title || 'Untitled'),
                    h('span', {class: 'meta'}, `${c.chatbot} · ${c.message_count} messages · ${formatTime(c.updated_at)}`)))));
            markCurrent();
        } catch (error) {
            replace(conversations);
            conversationNote.textContent = error.status === 401
                ? 'Stored conversations belong to users: sign in with a user token to see them.'
                : 'Could not load conversations: ' + describe(error);
        }
    }

    function markCurrent() {
        conversations.querySelectorAll('button.conversation').forEach(button =>
            button.setAttribute('aria-current', button.dataset.id === current.id ? 'true' : 'false'));
    }

    async function resume(id) {
        if (state.turn) {
            toast('Wait for the answer to finish first.');
            return;
        }
        try {
            const conversation = await get('/ai/conversations/' + encodeURIComponent(id));
            const key = conversation.namespace + '/' + conversation.chatbot;
            if (state.chatbots.has(key)) {
                select.value = key;
                description.textContent = chosen()?.description || '';
            }
            replace(messages, conversation.messages.map(message => stored(message, conversation.pseudonyms)));
            await current.start({name: conversation.chatbot, namespace: conversation.namespace}, id);
            markCurrent();
            status(`Resumed "${conversation.title || 'Untitled'}".`);
            messages.scrollTop = messages.scrollHeight;
            input.focus();
        } catch (error) {
            messages.append(alertBox(error.type === 'error' ? frameError(error) : describe(error)));
        }
    }

    /** A stored message; an answer shows the values of its pseudonyms, which the conversation maps for its owner. */
    function stored(message, pseudonyms) {
        if (message.role === 'user') {
            return userMessage(message.content);
        }
        const turn = assistantMessage();
        (message.query_results || []).forEach(result => turn.queryResult(result));
        turn.append(message.content || '');
        turn.done(message.usage, pseudonyms);
        return turn.element;
    }

    (async () => {
        try {
            const list = await get('/ai/chatbots');
            list.chatbots.forEach(bot => state.chatbots.set(bot.namespace + '/' + bot.name, bot));
            replace(select, list.chatbots.map(bot => h('option', {value: bot.namespace + '/' + bot.name},
                bot.namespace === 'default' ? bot.name : `${bot.name} (${bot.namespace})`)));
            if (!list.chatbots.length) {
                select.append(h('option', {value: ''}, 'No chatbots available'));
            }
            description.textContent = chosen()?.description || '';
        } catch (error) {
            main.prepend(alertBox('Could not load chatbots: ' + describe(error)));
        }
        refreshConversations();
    })();

    return () => socket.close();
}

function frameError(frame) {
    const message = frame.error || frame.message || 'Error';
    const retry = frame.retry_after !== undefined ? ` Try again in ${frame.retry_after} s.` : '';
    return `${message} (${frame.code || 'ERROR'}).${retry}`;
}

function userMessage(content) {
    return h('article', {class: 'message user', 'aria-label': 'You'},
        h('h2', {class: 'speaker'}, 'You'),
        h('p', {class: 'plain'}, content));
}

/** An answer being streamed: progress steps, Markdown text, query results, then usage or how it ended. */
function assistantMessage() {
    const progress = h('ol', {class: 'progress', 'aria-label': 'Progress'});
    const answer = h('div', {class: 'answer markdown'});
    const results = h('div', {class: 'results'});
    const footer = h('p', {class: 'usage'});
    const element = h('article', {class: 'message assistant', 'aria-label': 'Assistant', 'aria-busy': 'true'},
        h('h2', {class: 'speaker'}, 'Assistant'), progress, results, answer, footer);
    let text = '';
    let revealed = {};
    let scheduled = false;
    const render = () => {
        scheduled = false;
        replace(answer, revealPseudonyms(renderMarkdown(text), revealed));
    };
    const end = () => {
        element.setAttribute('aria-busy', 'false');
        progress.querySelectorAll('li[aria-current]').forEach(li => li.removeAttribute('aria-current'));
        render();
    };
    return {
        element,
        progress(frame) {
            progress.querySelectorAll('li[aria-current]').forEach(li => li.removeAttribute('aria-current'));
            progress.append(h('li', {'data-step': frame.step, 'aria-current': 'step'},
                h('span', {class: 'step'}, STEP_LABELS[frame.step] || frame.step), frame.message ? ` ${frame.message}` : ''));
        },
        append(delta) {
            text += delta;
            if (!scheduled) {
                scheduled = true;
                requestAnimationFrame(render);
            }
        },
        queryResult(frame) {
            const rows = Array.isArray(frame.data) ? frame.data : [];
            results.append(h('section', {class: 'query-result', 'aria-label': 'Query result'},
                h('p', {class: 'summary'}, frame.summary || `${frame.row_count ?? rows.length} rows`),
                frame.query ? h('details', {class: 'sql'}, h('summary', {}, 'SQL'), h('pre', {}, h('code', {}, frame.query))) : null,
                rows.length ? sortableTable(rows, {caption: `${frame.row_count ?? rows.length} row(s)`}) : null));
        },
        /** A write that waits for the user: what it would change, with Confirm and Cancel; decide(confirm, settle) sends the choice. */
        writePreview(frame, decide) {
            const outcome = h('p', {class: 'write-outcome', role: 'status'});
            const confirm = h('button', {type: 'button'}, 'Confirm');
            const cancel = h('button', {type: 'button', class: 'secondary'}, 'Cancel');
            const settle = answer => {
                outcome.textContent = answer.type === 'write_result'
                    ? (answer.status === 'committed' ? `Done: ${answer.rows_affected} row(s) changed.` : 'Cancelled: nothing was changed.')
                    : frameError(answer);
                if (answer.type === 'error') {
                    outcome.setAttribute('role', 'alert');
                }
            };
            const choose = yes => {
                confirm.disabled = true;
                cancel.disabled = true;
                outcome.textContent = yes ? 'Writing…' : 'Cancelling…';
                decide(yes, settle);
            };
            confirm.addEventListener('click', () => choose(true));
            cancel.addEventListener('click', () => choose(false));
            const before = Array.isArray(frame.before) ? frame.before : [];
            const after = Array.isArray(frame.after) ? frame.after : [];
            const more = frame.truncated ? ' (the first rows shown)' : '';
            results.append(h('section', {class: 'write-preview', 'aria-label': 'Write preview'},
                h('p', {class: 'summary'}, `${frame.operation} would change ${frame.rows_affected} row(s)${more}. Nothing is written until you confirm.`),
                h('details', {class: 'sql'}, h('summary', {}, 'SQL'), h('pre', {}, h('code', {}, frame.query || ''))),
                before.length ? sortableTable(before, {caption: 'Before'}) : null,
                after.length ? sortableTable(after, {caption: 'After'}) : null,
                h('div', {class: 'actions'}, confirm, cancel),
                outcome));
        },
        done(usage, pseudonyms) {
            revealed = pseudonyms || {};
            end();
            if (usage) {
                footer.textContent = `Tokens: ${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion = ${usage.total_tokens}`;
            }
        },
        stop(message, kind) {
            end();
            footer.classList.add(kind);
            if (kind === 'error') {
                footer.setAttribute('role', 'alert');
            }
            footer.textContent = message;
        },
    };
}
