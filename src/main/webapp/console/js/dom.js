// Builds DOM nodes from data. Text always goes in as text nodes, never as HTML, so nothing the server or a
// model sends can become markup.

/** h('button', {class: 'x', onclick: fn}, 'Label', child) */
export function h(tag, attributes = {}, ...children) {
    const element = tag.includes(':')
        ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(tag.indexOf(':') + 1))
        : document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            element.addEventListener(key.slice(2), value);
        } else if (key === 'class') {
            element.setAttribute('class', value);
        } else if (key === 'value' || key === 'checked' || key === 'selected') {
            element[key] = value;
        } else {
            element.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

export const svg = (tag, attributes, ...children) => h('svg:' + tag, attributes, ...children);

export function append(parent, children) {
    for (const child of [children].flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.append(child instanceof Node ? child : String(child));
    }
    return parent;
}

export function replace(parent, ...children) {
    parent.replaceChildren();
    return append(parent, children);
}

let idCounter = 0;

/** A unique id, for label/aria wiring. */
export function uid(prefix = 'id') {
    idCounter += 1;
    return `${prefix}-${idCounter}`;
}

/** A labelled form field: returns {row, input}. */
export function field(label, input, hint) {
    input.id = input.id || uid('field');
    const hintNode = hint ? h('small', {id: input.id + '-hint', class: 'hint'}, hint) : null;
    if (hintNode) {
        input.setAttribute('aria-describedby', hintNode.id);
    }
    return {row: h('div', {class: 'field'}, h('label', {for: input.id}, label), input, hintNode), input};
}

/** A short message for everyone, read out by screen readers. */
export function toast(message) {
    const region = document.getElementById('toast');
    region.textContent = message;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { region.textContent = ''; }, 5000);
}

/** An error box that screen readers announce at once. */
export function alertBox(message) {
    return h('p', {class: 'error', role: 'alert'}, message);
}

export function formatTime(text) {
    if (!text) {
        return '';
    }
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toLocaleString();
}
