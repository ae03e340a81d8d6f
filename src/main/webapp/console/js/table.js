// A table of rows (objects) whose column headers sort it: buttons in the headers, aria-sort on the sorted one.
import {h, replace} from './dom.js';

export function sortableTable(rows, {caption, columns} = {}) {
    const keys = columns || [...new Set(rows.flatMap(row => Object.keys(row ?? {})))];
    const state = {key: null, ascending: true};
    const body = h('tbody');
    const headers = keys.map(key => {
        const button = h('button', {type: 'button', class: 'sort'}, key, h('span', {class: 'sort-mark', 'aria-hidden': 'true'}));
        const th = h('th', {scope: 'col'}, button);
        button.addEventListener('click', () => {
            state.ascending = state.key === key ? !state.ascending : true;
            state.key = key;
            headers.forEach(other => other.removeAttribute('aria-sort'));
            th.setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
            fill();
        });
        return th;
    });
    const fill = () => {
        const sorted = state.key === null ? rows : [...rows].sort((a, b) => compare(a?.[state.key], b?.[state.key]) * (state.ascending ? 1 : -1));
        replace(body, sorted.map(row => h('tr', {}, keys.map(key => cell(row?.[key])))));
    };
    fill();
    return h('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption || 'Results'},
        h('table', {class: 'data'}, caption ? h('caption', {}, caption) : null, h('thead', {}, h('tr', {}, headers)), body));
}

function cell(value) {
    if (value === null || value === undefined) {
        return h('td', {class: 'null'}, 'NULL');
    }
    if (typeof value === 'object') {
        return h('td', {}, h('code', {}, JSON.stringify(value)));
    }
    return h('td', typeof value === 'number' ? {class: 'number'} : {}, String(value));
}

/** Nulls last; numbers by value; the rest as text, with numbers inside it in order. */
export function compare(a, b) {
    if (a === b) {
        return 0;
    }
    if (a === null || a === undefined) {
        return 1;
    }
    if (b === null || b === undefined) {
        return -1;
    }
    if (typeof a === 'number' && typeof b === 'number') {
        return a - b;
    }
    const text = value => (typeof value === 'object' ? JSON.stringify(value) : String(value));
    return text(a).localeCompare(text(b), undefined, {numeric: true});
}
