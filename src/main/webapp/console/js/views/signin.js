// Sign in with a token: the anon key, a user token or a service key. Nothing is sent until the form is.
import {alertBox, field, h, replace} from '../dom.js';

export function signInView(main, signIn) {
    const token = h('textarea', {name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false'});
    const error = h('div', {'aria-live': 'assertive'});
    const submit = h('button', {type: 'submit'}, 'Sign in');
    const form = h('form', {class: 'card sign-in', 'aria-labelledby': 'sign-in-title'},
        h('h1', {id: 'sign-in-title'}, 'Sign in'),
        h('p', {}, 'Paste an anon key, a user token or a service key. It is kept in this browser tab only '
            + '(session storage) and sent to this server alone.'),
        field('Token (JWT)', token, 'Service keys and tokens with the admin role also open the administration pages.').row,
        error,
        h('div', {class: 'actions'}, submit));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        submit.disabled = true;
        replace(error);
        try {
            await signIn(token.value.trim());
        } catch (e) {
            replace(error, alertBox(e.message));
            token.focus();
        } finally {
            submit.disabled = false;
        }
    });
    replace(main, form);
    token.focus();
}
