// The signed-in token lives in sessionStorage only: it goes when the tab closes, and no other tab sees it.

const KEY = 'fluxbase.console.token';

export const session = {
    admin: false,

    token() {
        return sessionStorage.getItem(KEY);
    },

    signIn(token) {
        sessionStorage.setItem(KEY, token);
    },

    signOut() {
        sessionStorage.removeItem(KEY);
        this.admin = false;
    },

    /** The token's claims, for display only: the server verifies the signature, not us. */
    claims() {
        return decodeClaims(this.token());
    },
};

export function decodeClaims(token) {
    try {
        const payload = (token || '').split('.')[1];
        const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
        const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
        return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
        return {};
    }
}

/** A person's id, as the server reads it: sub or user_id, unless the key names only its role. */
export function userIdOf(claims) {
    const role = claims.role || 'authenticated';
    const id = claims.sub || claims.user_id;
    if (!id || ((role === 'anon' || role === 'service_role') && id === role)) {
        return null;
    }
    return String(id);
}
