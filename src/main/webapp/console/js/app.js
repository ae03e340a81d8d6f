// The console's entry point: signs in, shows the navigation for the token's rights, routes #/... to views.
import {ApiError, api} from './api.js';
import {h, replace} from './dom.js';
import {decodeClaims, session, userIdOf} from './session.js';
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

async function signIn(token) {
    if (!token) {
        throw new Error('Enter a token.');
    }
    if (token.split('.').length !== 3) {
        throw new Error('This is not a JWT: a token has three parts separated by dots.');
    }
    session.signIn(token);
    try {
        session.admin = await probe();
    } catch (error) {
        session.signOut();
        throw new Error(error.status === 401 ? `The server refused this token: ${error.message}` : error.message);
    }
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
        const who = userIdOf(claims) || (claims.role === 'anon' ? 'anon key' : claims.role || 'token');
        document.getElementById('identity-text').textContent = `${who}${session.admin ? ' (admin)' : ''}`;
    }
}

function render() {
    if (cleanup) {
        cleanup();
        cleanup = null;
    }
    showIdentity();
    if (!session.token()) {
        document.title = 'Sign in · Fluxbase AI console';
        signInView(main, signIn);
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

document.getElementById('sign-out').addEventListener('click', () => {
    session.signOut();
    history.replaceState(null, '', location.pathname);
    render();
});

window.addEventListener('hashchange', () => {
    render();
    main.focus({preventScroll: true});
});

(async () => {
    if (session.token()) {
        try {
            session.admin = await probe();
        } catch (error) {
            session.signOut();
        }
    }
    render();
})();
