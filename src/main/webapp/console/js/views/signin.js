// Sign in through the identity provider the server names, when it names one, or with a pasted token: the anon
// key, a user token or a service key. Nothing is sent until the button or the form is used.
import {alertBox, field, h, replace} from '../dom.js';

/**
 * @param signIn    signs in with a pasted token
 * @param provider  {name} of the IdP, or null
 * @param startSso  sends the browser to the IdP
 * @param notice    why the console is signed out (a failed IdP sign-in, an ended session), or null
 */
export function signInView(main, {signIn, provider, startSso, notice}) {
    const sso = provider ? ssoSection(provider, startSso) : null;
    const form = tokenForm(signIn, Boolean(sso));
    replace(main, sso?.element, form.element);
    if (notice) {
        (sso || form).show(notice);
    }
    (sso || form).focus();
}

function ssoSection(provider, startSso) {
    const error = h('div', {'aria-live': 'assertive'});
    const button = h('button', {type: 'button', id: 'sso-sign-in'}, `Sign in with ${provider.name}`);
    const element = h('section', {class: 'card sign-in sso', 'aria-labelledby': 'sign-in-title'},
        h('h1', {id: 'sign-in-title'}, 'Sign in'),
        h('p', {}, `Use your account at ${provider.name}. You will come back here once signed in.`),
        error,
        h('div', {class: 'actions'}, button));
    button.addEventListener('click', async () => {
        button.disabled = true;
        replace(error);
        try {
            await startSso();
        } catch (e) {
            replace(error, alertBox(e.message));
            button.disabled = false;
            button.focus();
        }
    });
    return {element, show: message => replace(error, alertBox(message)), focus: () => button.focus()};
}

function tokenForm(signIn, secondary) {
    const token = h('textarea', {name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false'});
    const error = h('div', {'aria-live': 'assertive'});
    const submit = h('button', {type: 'submit', class: secondary ? 'secondary' : null}, 'Sign in');
    const title = secondary ? h('h2', {id: 'token-title'}, 'Or paste a token') : h('h1', {id: 'token-title'}, 'Sign in');
    const element = h('form', {class: 'card sign-in', 'aria-labelledby': 'token-title'},
        title,
        h('p', {}, 'Paste an anon key, a user token or a service key. It is kept in this browser tab only '
            + '(session storage) and sent to this server alone.'),
        field('Token (JWT)', token, 'Service keys and tokens with the admin role also open the administration pages.').row,
        error,
        h('div', {class: 'actions'}, submit));
    element.addEventListener('submit', async event => {
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
    return {element, show: message => replace(error, alertBox(message)), focus: () => token.focus()};
}
