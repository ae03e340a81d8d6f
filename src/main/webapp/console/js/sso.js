// Signing in to the console through the identity provider the server names (GET /api/v1/ai/console/config):
// the trip to the IdP and the check of its answer, a refresh shortly before the access token expires, and
// sign-out at the IdP. The protocol itself is oidc.js's; the tokens are kept by session.js.
import {ROOT} from './api.js';
import * as oidc from './oidc.js';
import {session} from './session.js';

/** The console's own address: where the IdP sends the browser back after sign-in and sign-out. */
export const REDIRECT_URI = new URL('console/', ROOT).toString();

/** Refresh this long before the access token expires (a quarter of its lifetime when that is shorter). */
const MARGIN_MS = 30000;
/** A refresh that failed for a passing reason (the IdP unreachable) is tried again this much later. */
const RETRY_MS = 15000;

let provider = null;
let timer = null;
let refreshing = null;
let hooks = {ended: () => {}, failed: () => {}};

/** The IdP the server names, {issuer, client_id, scope, name}, or null: then only pasting a token signs in. */
export async function loadProvider() {
    try {
        const response = await fetch(new URL('api/v1/ai/console/config', ROOT), {headers: {Accept: 'application/json'}});
        provider = response.ok ? (await response.json()).oidc || null : null;
    } catch (e) {
        provider = null;
    }
    return provider;
}

/** ended(message): the IdP ended the session, the console is signed out; failed(error): a refresh failed, to be retried. */
export function watch(listeners) {
    hooks = {...hooks, ...listeners};
}

/** Sends the browser to the IdP's sign-in page; it comes back to the console with a code. */
export async function beginSignIn() {
    const metadata = await oidc.discover(provider.issuer);
    const {url, pending} = await oidc.authorizationRequest(metadata,
        {clientId: provider.client_id, redirectUri: REDIRECT_URI, scope: provider.scope});
    session.rememberPending({...pending, issuer: provider.issuer, client_id: provider.client_id});
    location.assign(url);
}

/**
 * When the IdP sent the browser back with its answer: takes the answer out of the address bar, checks it
 * against the sign-in this tab started and exchanges the code for tokens. Null when there is no answer.
 */
export async function completeSignIn() {
    const answer = oidc.authorizationResponse(location.search);
    if (!answer) {
        return null;
    }
    history.replaceState(null, '', location.pathname + '#/chat');
    const pending = session.takePending();
    if (answer.error) {
        throw new oidc.OidcError(`The identity provider did not sign you in: ${answer.description || answer.error}`, answer.error);
    }
    if (!pending || !answer.state || answer.state !== pending.state) {
        throw new oidc.OidcError('This sign-in answer does not belong to a sign-in started in this tab (state mismatch). Sign in again.');
    }
    // RFC 9207: an IdP that names itself in the answer must be the one the sign-in went to.
    if (answer.iss && answer.iss !== pending.issuer) {
        throw new oidc.OidcError(`The sign-in answer comes from ${answer.iss}, not from ${pending.issuer}. Sign in again.`);
    }
    const metadata = await oidc.discover(pending.issuer);
    const tokens = await oidc.exchangeCode(metadata, {clientId: pending.client_id, redirectUri: REDIRECT_URI}, answer.code, pending.verifier);
    oidc.checkIdToken(tokens.id_token, pending.issuer, pending.client_id, pending.nonce);
    return {token: tokens.access_token, sso: kept(tokens, pending, null)};
}

function kept(tokens, client, previous) {
    return {
        issuer: client.issuer,
        client_id: client.client_id,
        // An IdP that does not rotate refresh tokens answers a refresh without one: the old one goes on.
        refresh_token: tokens.refresh_token || previous?.refresh_token || null,
        id_token: tokens.id_token || previous?.id_token || null,
        expires_at: tokens.expires_at,
        lifetime: tokens.expires_at - Date.now(),
    };
}

/** Refreshes the tokens now; resolves with the new access token, or null when the session has none to refresh with. */
export function refreshNow() {
    if (!refreshing) {
        refreshing = refreshTokens().finally(() => { refreshing = null; });
    }
    return refreshing;
}

async function refreshTokens() {
    const sso = session.sso();
    if (!sso?.refresh_token) {
        return null;
    }
    let tokens;
    try {
        tokens = await oidc.refresh(await oidc.discover(sso.issuer), sso.client_id, sso.refresh_token);
    } catch (error) {
        if (error.code === 'invalid_grant') {
            // Signed out elsewhere, or idle past the IdP's limit: only a new sign-in helps.
            end(`Your session at the identity provider has ended (${error.message}). Sign in again.`);
            return null;
        }
        schedule(RETRY_MS);
        throw error;
    }
    if (session.sso()?.refresh_token !== sso.refresh_token) {
        return null; // signed out meanwhile
    }
    session.signIn(tokens.access_token, kept(tokens, sso, sso));
    schedule();
    return tokens.access_token;
}

/**
 * Plans the next refresh (at once when it is overdue, as after the computer slept). Without a refresh token
 * the sign-in ends when the access token expires.
 */
export function schedule(delay = null) {
    clearTimeout(timer);
    const sso = session.sso();
    if (!sso) {
        return;
    }
    if (!sso.refresh_token) {
        timer = setTimeout(() => end('Your sign-in has expired, and the identity provider gave no refresh token. Sign in again.'),
            within(sso.expires_at - Date.now()));
        return;
    }
    const due = delay ?? sso.expires_at - Math.min(MARGIN_MS, sso.lifetime / 4) - Date.now();
    timer = setTimeout(() => refreshNow().catch(error => hooks.failed(error)), within(due));
}

/** A delay setTimeout takes: it fires at once on negative ones and overflows beyond 2^31 - 1 ms. */
function within(delay) {
    return Math.min(Math.max(0, delay), 2 ** 31 - 1);
}

function end(message) {
    clearTimeout(timer);
    session.signOut();
    hooks.ended(message);
}

// Browsers slow timers down in hidden tabs: a tab shown again checks at once.
document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
        schedule();
    }
});

/**
 * Forgets the tokens here; after an IdP sign-in also ends the session there: the browser goes to the IdP's
 * end-session endpoint and comes back to the console. Resolves with true when it goes, else with a note
 * when the IdP's session could not be ended.
 */
export async function signOut() {
    clearTimeout(timer);
    const sso = session.sso();
    session.signOut();
    if (!sso) {
        return {redirected: false};
    }
    try {
        const url = oidc.endSessionUrl(await oidc.discover(sso.issuer), sso.client_id, sso.id_token, REDIRECT_URI);
        if (url) {
            location.assign(url);
            return {redirected: true};
        }
        return {redirected: false, note: 'Signed out of the console. The identity provider offers no sign-out, so its session goes on.'};
    } catch (error) {
        return {redirected: false, note: `Signed out of the console, but not of the identity provider: ${error.message}`};
    }
}
