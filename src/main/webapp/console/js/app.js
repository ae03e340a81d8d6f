// The console's entry point: signs in, shows the navigation for the token's rights, routes #/... to views.
import {ApiError, api, setTokenRenewal} from './api.js';
import {h, replace, toast} from './dom.js';
import {decodeClaims, session, userIdOf} from './session.js';
import * as sso from './sso.js';
import {chatView} from './views/chat.js';
import {signInView} from './views/signin.js';
import {chatbotsView} from './views/chatbots.js';
import {providersView} from './views/providers.js';
import {knowledgeView} from './views/knowledge.js';
import {usageView} from './views/usage.js';

const ROUTES = {
    'chat': {view: chatView, title: 'Chat'},
    'admin/chatbots': {view: chatbotsView, title: 'Chatbots', admin: true},
    'admin/providers': {view: providersView, title: 'Providers', admin: true},
    'admin/knowledge': {view: knowledgeView, title: 'Knowledge bases', admin: true},
    'admin/usage': {view: usageView, title: 'Usage', admin: true},
};

const main = document.getElementById('main');
let cleanup = null;
let provider = null;

/**
 * Checks the token against the server and learns whether it may administer: an admin endpoint answers 200
 * for admins, 403 for other valid tokens and 401 for a bad one. The role claim alone would miss admin groups.
 */
async function probe() {
    try {
        await api('GET', '/admin/ai/chatbots?namespace=default');
        return true;
    } catch (error) {
        if (error instanceof ApiError && error.status === 403) {
            return false;
        }
        throw error;
    }
}

/** Signs in with a pasted token, or with the access token of an IdP sign-in (idp: the rest, as session.js keeps it). */
async function signIn(token, idp = null) {
    if (!token) {
        throw new Error('Enter a token.');
    }
    if (token.split('.').length !== 3) {
        throw new Error('This is not a JWT: a token has three parts separated by dots.');
    }
    session.signIn(token, idp);
    try {
        session.admin = await probe();
    } catch (error) {
        session.signOut();
        const whose = idp ? `the token from ${provider?.name || 'the identity provider'}` : 'this token';
        throw new Error(error.status === 401 ? `The server refused ${whose}: ${error.message}` : error.message);
    }
    sso.schedule();
    if (location.hash === '#/chat') {
        render();
    } else {
        location.hash = '#/chat'; // renders on hashchange
    }
}

function showIdentity() {
    const signedIn = Boolean(session.token());
    document.getElementById('nav').hidden = !signedIn;
    document.getElementById('identity').hidden = !signedIn;
    document.querySelectorAll('[data-admin]').forEach(item => { item.hidden = !session.admin; });
    if (signedIn) {
        const claims = decodeClaims(session.token());
        const who = claims.preferred_username || claims.email || userIdOf(claims) || (claims.role === 'anon' ? 'anon key' : claims.role || 'token');
        document.getElementById('identity-text').textContent = `${who}${session.admin ? ' (admin)' : ''}`;
    }
}

/** @param notice why the console is signed out, shown on the sign-in page */
function render(notice = null) {
    if (cleanup) {
        cleanup();
        cleanup = null;
    }
    showIdentity();
    if (!session.token()) {
        document.title = 'Sign in · Fluxbase AI console';
        signInView(main, {signIn, provider, startSso: sso.beginSignIn, notice});
        return;
    }
    const name = location.hash.replace(/^#\/?/, '') || 'chat';
    const route = ROUTES[name] && (!ROUTES[name].admin || session.admin) ? ROUTES[name] : null;
    document.querySelectorAll('#nav a').forEach(link => {
        if (link.dataset.route === name) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    });
    if (!route) {
        document.title = 'Not found · Fluxbase AI console';
        replace(main, h('h1', {}, 'Not found'), h('p', {}, 'This page does not exist or needs an admin token. ',
            h('a', {href: '#/chat'}, 'Go to the chat.')));
        return;
    }
    document.title = `${route.title} · Fluxbase AI console`;
    cleanup = route.view(main) || null;
    main.dataset.view = name;
}

document.getElementById('sign-out').addEventListener('click', async () => {
    const outcome = await sso.signOut();
    if (outcome.redirected) {
        return; // the IdP ends its session and sends the browser back here
    }
    history.replaceState(null, '', location.pathname);
    render(outcome.note);
});

setTokenRenewal(sso.refreshNow);
sso.watch({
    ended: message => {
        history.replaceState(null, '', location.pathname);
        render(message);
    },
    failed: error => toast(`The session could not be renewed, trying again shortly: ${error.message}`),
});

window.addEventListener('hashchange', () => {
    render();
    main.focus({preventScroll: true});
});

(async () => {
    provider = await sso.loadProvider();
    let notice = null;
    try {
        const answer = await sso.completeSignIn();
        if (answer) {
            await signIn(answer.token, answer.sso);
            return;
        }
    } catch (error) {
        notice = error.message;
    }
    if (session.token()) {
        try {
            session.admin = await probe();
            sso.schedule();
        } catch (error) {
            session.signOut();
        }
    }
    render(notice);
})();
