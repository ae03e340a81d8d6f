// A small Markdown renderer for chat answers: headings, paragraphs, emphasis, code, lists, quotes, rules,
// pipe tables and links. It builds DOM nodes and never parses HTML: tags in the text show as text. Links
// are kept only for http(s) and mailto URLs. Unclosed constructs (a stream cut mid-answer) render as far
// as they go.
import {h} from './dom.js';

const FENCE = /^\s*(```|~~~)\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const INLINE = new RegExp([
    '`([^`]+)`',                                              // 1 code
    '\\[([^\\]]+)\\]\\(([^)\\s]+)\\)',                        // 2, 3 link
    '\\*\\*(.+?)\\*\\*',                                      // 4 strong
    '__(.+?)__',                                              // 5 strong
    '~~(.+?)~~',                                              // 6 strikethrough
    '\\*([^*\\s](?:[^*]*[^*\\s])?)\\*',                       // 7 emphasis
    '(?<![A-Za-z0-9])_([^_\\s](?:[^_]*[^_\\s])?)_(?![A-Za-z0-9])', // 8 emphasis
    '(https?:\\/\\/[^\\s<>()]*[^\\s<>().,;:!?\'"])',          // 9 bare URL
].join('|'));

/** Renders Markdown text into a DocumentFragment. */
export function renderMarkdown(text) {
    const fragment = document.createDocumentFragment();
    fragment.append(...blocks(String(text ?? '').replace(/\r\n?/g, '\n').split('\n')));
    return fragment;
}

function blocks(lines) {
    const out = [];
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        let match;
        if (!line.trim()) {
            i += 1;
        } else if ((match = FENCE.exec(line))) {
            const body = [];
            i += 1;
            while (i < lines.length && !(lines[i].trim().startsWith(match[1]) && !lines[i].trim().slice(3).trim())) {
                body.push(lines[i]);
                i += 1;
            }
            i += 1;
            const code = h('code', match[2] ? {class: 'language-' + match[2]} : {}, body.join('\n'));
            out.push(h('pre', {}, code));
        } else if ((match = HEADING.exec(line))) {
            out.push(h('h' + Math.min(6, match[1].length + 2), {}, inline(match[2])));
            i += 1;
        } else if (RULE.test(line)) {
            out.push(h('hr'));
            i += 1;
        } else if (QUOTE.test(line)) {
            const body = [];
            while (i < lines.length && (match = QUOTE.exec(lines[i]))) {
                body.push(match[1]);
                i += 1;
            }
            out.push(h('blockquote', {}, blocks(body)));
        } else if (ITEM.test(line)) {
            i = list(lines, i, out);
        } else if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]) && lines[i + 1].includes('-')) {
            i = table(lines, i, out);
        } else {
            const body = [];
            while (i < lines.length && lines[i].trim() && !startsBlock(lines, i)) {
                body.push(lines[i].trim());
                i += 1;
            }
            const paragraph = h('p');
            body.forEach((part, index) => {
                if (index > 0) {
                    paragraph.append(h('br'));
                }
                paragraph.append(...inline(part));
            });
            out.push(paragraph);
        }
    }
    return out;
}

function startsBlock(lines, i) {
    const line = lines[i];
    return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line)
        || (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]) && lines[i + 1].includes('-'));
}

/** A list at the indentation of lines[start]; deeper lines belong to its items and may hold nested lists. */
function list(lines, start, out) {
    const first = ITEM.exec(lines[start]);
    const indent = first[1].length;
    const ordered = /\d/.test(first[2]);
    const element = h(ordered ? 'ol' : 'ul', ordered && parseInt(first[2], 10) !== 1 ? {start: parseInt(first[2], 10)} : {});
    let i = start;
    while (i < lines.length) {
        const match = ITEM.exec(lines[i]);
        if (!match || match[1].length !== indent || /\d/.test(match[2]) !== ordered) {
            break;
        }
        const body = [match[3]];
        i += 1;
        while (i < lines.length) {
            const next = lines[i];
            const deeper = next.length - next.trimStart().length > indent;
            if (next.trim() && deeper) {
                body.push(next.slice(Math.min(next.length - next.trimStart().length, indent + 2)));
                i += 1;
            } else if (!next.trim() && i + 1 < lines.length && lines[i + 1].length - lines[i + 1].trimStart().length > indent) {
                body.push('');
                i += 1;
            } else {
                break;
            }
        }
        const content = blocks(body);
        const item = h('li');
        if (content.length && content[0].tagName === 'P') {
            item.append(...content.shift().childNodes);
        }
        item.append(...content);
        element.append(item);
        if (i < lines.length && !lines[i].trim() && i + 1 < lines.length && ITEM.test(lines[i + 1])
            && ITEM.exec(lines[i + 1])[1].length === indent) {
            i += 1;
        }
    }
    out.push(element);
    return i;
}

function table(lines, start, out) {
    const cells = row => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(cell => cell.trim());
    const header = cells(lines[start]);
    const body = [];
    let i = start + 2;
    while (i < lines.length && lines[i].includes('|') && lines[i].trim()) {
        body.push(cells(lines[i]));
        i += 1;
    }
    out.push(h('div', {class: 'table-scroll'}, h('table', {},
        h('thead', {}, h('tr', {}, header.map(cell => h('th', {scope: 'col'}, inline(cell))))),
        h('tbody', {}, body.map(row => h('tr', {}, header.map((_, index) => h('td', {}, inline(row[index] ?? '')))))))));
    return i;
}

/** Inline Markdown as an array of nodes. */
export function inline(text) {
    const nodes = [];
    let last = 0;
    // A regex of its own per call: emphasis renders its content by calling inline() again.
    const pattern = new RegExp(INLINE.source, 'g');
    let match;
    while ((match = pattern.exec(text))) {
        if (match.index > last) {
            nodes.push(document.createTextNode(text.slice(last, match.index)));
        }
        nodes.push(inlineNode(match));
        last = pattern.lastIndex;
    }
    if (last < text.length) {
        nodes.push(document.createTextNode(text.slice(last)));
    }
    return nodes;
}

function inlineNode(match) {
    if (match[1] !== undefined) {
        return h('code', {}, match[1]);
    }
    if (match[2] !== undefined) {
        return safeUrl(match[3]) ? link(match[3], inline(match[2])) : document.createTextNode(match[0]);
    }
    if (match[4] !== undefined || match[5] !== undefined) {
        return h('strong', {}, inline(match[4] ?? match[5]));
    }
    if (match[6] !== undefined) {
        return h('del', {}, inline(match[6]));
    }
    if (match[7] !== undefined || match[8] !== undefined) {
        return h('em', {}, inline(match[7] ?? match[8]));
    }
    return link(match[9], [match[9]]);
}

function link(href, children) {
    return h('a', {href, rel: 'noopener noreferrer nofollow', target: '_blank'}, children);
}

function safeUrl(url) {
    return /^(https?:\/\/|mailto:)/i.test(url);
}
