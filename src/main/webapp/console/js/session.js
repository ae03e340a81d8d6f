// The signed-in token lives in sessionStorage only: it goes when the tab closes, and no other tab sees it.
// A sign-in through the identity provider also keeps its refresh and ID tokens there, and, while the browser
// is away at the IdP, what the answer is checked against (state, nonce, PKCE verifier).
import {claimsOf} from './oidc.js';

const KEY = 'fluxbase.console.token';
const SSO_KEY = 'fluxbase.console.sso';
const PENDING_KEY = 'fluxbase.console.sso.pending';

export const session = {
    admin: false,

    token() {
        return sessionStorage.getItem(KEY);
    },

    /** @param sso {issuer, client_id, refresh_token, id_token, expires_at} of an IdP sign-in; none for a pasted token */
    signIn(token, sso = null) {
        sessionStorage.setItem(KEY, token);
        if (sso) {
            sessionStorage.setItem(SSO_KEY, JSON.stringify(sso));
        } else {
            sessionStorage.removeItem(SSO_KEY);
        }
    },

    signOut() {
        sessionStorage.removeItem(KEY);
        sessionStorage.removeItem(SSO_KEY);
        this.admin = false;
    },

    /** The IdP sign-in behind the token, or null for a pasted token. */
    sso() {
        return readJson(SSO_KEY);
    },

    rememberPending(pending) {
        sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    },

    /** The sign-in this tab started, once: an answer is accepted at most one time. */
    takePending() {
        const pending = readJson(PENDING_KEY);
        sessionStorage.removeItem(PENDING_KEY);
        return pending;
    },

    /** The token's claims, for display only: the server verifies the signature, not us. */
    claims() {
        return claimsOf(this.token());
    },
};

function readJson(key) {
    try {
        return JSON.parse(sessionStorage.getItem(key));
    } catch (e) {
        return null;
    }
}

export {claimsOf as decodeClaims};

/** A person's id, as the server reads it: sub or user_id, unless the key names only its role. */
export function userIdOf(claims) {
    const role = claims.role || 'authenticated';
    const id = claims.sub || claims.user_id;
    if (!id || ((role === 'anon' || role === 'service_role') && id === role)) {
        return null;
    }
    return String(id);
}
