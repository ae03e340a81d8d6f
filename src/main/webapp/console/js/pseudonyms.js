// Sensitive values in answers: the LLM read a pseudonym (`<email#3>`) where the user may read the value, and the
// done frame (a stored conversation, for its owner) maps the answer's pseudonyms to their values.
import {h} from './dom.js';

const PSEUDONYM = /<[a-z0-9_]{1,40}#\d{1,9}>/g;

/**
 * The rendered answer with every pseudonym the done frame maps (the LLM read `<email#3>` where the user may read the
 * value) shown as its value, marked, the pseudonym in its title. Text nodes only: the value is never read as Markdown.
 */
export function revealPseudonyms(fragment, pseudonyms) {
    if (!Object.keys(pseudonyms).length) {
        return fragment;
    }
    const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
        nodes.push(walker.currentNode);
    }
    nodes.forEach(node => {
        const parts = [];
        let last = 0;
        for (const match of node.data.matchAll(PSEUDONYM)) {
            if (Object.hasOwn(pseudonyms, match[0])) {
                parts.push(node.data.slice(last, match.index),
                    h('mark', {class: 'revealed', title: `Shown to you only: the assistant read ${match[0]}`}, pseudonyms[match[0]]));
                last = match.index + match[0].length;
            }
        }
        if (parts.length) {
            node.replaceWith(...parts, node.data.slice(last));
        }
    });
    return fragment;
}
