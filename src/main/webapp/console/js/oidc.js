// OpenID Connect for a public client in the browser: discovery, the authorization code flow with PKCE (S256),
// refresh, and sign-out at the identity provider. There is no client secret: PKCE binds the code to the tab
// that asked for it, state binds the answer to that request, and the nonce binds the ID token to it.
// Protocol only: where tokens are kept is session.js's business, when to use them sso.js's.

export class OidcError extends Error {
    /** @param code the IdP's OAuth error code (invalid_grant, access_denied, ...) when it gave one */
    constructor(message, code = null) {
        super(message);
        this.code = code;
    }
}

const discoveries = new Map();

/** The IdP's metadata from <issuer>/.well-known/openid-configuration, fetched once per page. */
export function discover(issuer) {
    if (!discoveries.has(issuer)) {
        const found = fetchMetadata(issuer);
        found.catch(() => discoveries.delete(issuer));
        discoveries.set(issuer, found);
    }
    return discoveries.get(issuer);
}

async function fetchMetadata(issuer) {
    const url = issuer.replace(/\/$/, '') + '/.well-known/openid-configuration';
    let response;
    try {
        response = await fetch(url, {headers: {Accept: 'application/json'}});
    } catch (e) {
        throw new OidcError(`The identity provider at ${issuer} could not be reached. Try again later, or paste a token.`);
    }
    const metadata = response.ok ? await response.json().catch(() => null) : null;
    if (!metadata) {
        throw new OidcError(`The identity provider at ${issuer} has no usable discovery document (HTTP ${response.status}).`);
    }
    // The issuer a provider names must be the one configured, or its tokens would carry another iss.
    if (metadata.issuer !== issuer) {
        throw new OidcError(`The identity provider calls itself ${metadata.issuer}, not ${issuer} as configured.`);
    }
    if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
        throw new OidcError(`The identity provider at ${issuer} names no authorization or token endpoint.`);
    }
    const methods = metadata.code_challenge_methods_supported;
    if (Array.isArray(methods) && !methods.includes('S256')) {
        throw new OidcError(`The identity provider at ${issuer} does not support PKCE with S256.`);
    }
    return metadata;
}

/** Random text for state, nonce and the code verifier: 32 bytes, base64url (43 characters). */
export function randomText() {
    return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The PKCE code challenge of a verifier: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier) {
    return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64Url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A new authorization request: the URL to send the browser to, and what the tab must remember to accept the
 * answer (state, nonce, code verifier).
 */
export async function authorizationRequest(metadata, client) {
    const pending = {state: randomText(), nonce: randomText(), verifier: randomText()};
    const url = new URL(metadata.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', client.clientId);
    url.searchParams.set('redirect_uri', client.redirectUri);
    url.searchParams.set('scope', client.scope);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('nonce', pending.nonce);
    url.searchParams.set('code_challenge', await codeChallenge(pending.verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return {url: url.toString(), pending};
}

/** The IdP's answer in a redirect's query: {code, state, iss} or {error, description, state}; null when there is none. */
export function authorizationResponse(search) {
    const params = new URLSearchParams(search);
    if (!params.has('code') && !params.has('error')) {
        return null;
    }
    return {code: params.get('code'), state: params.get('state'), iss: params.get('iss'), error: params.get('error'),
        description: params.get('error_description')};
}

export function exchangeCode(metadata, client, code, verifier) {
    return tokenRequest(metadata, {grant_type: 'authorization_code', code, redirect_uri: client.redirectUri,
        client_id: client.clientId, code_verifier: verifier});
}

export function refresh(metadata, clientId, refreshToken) {
    return tokenRequest(metadata, {grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId});
}

/** Tokens from the token endpoint, with expires_at (ms since the epoch) computed from expires_in. */
async function tokenRequest(metadata, parameters) {
    let response;
    try {
        response = await fetch(metadata.token_endpoint, {method: 'POST', body: new URLSearchParams(parameters),
            headers: {Accept: 'application/json'}});
    } catch (e) {
        throw new OidcError(`The identity provider at ${metadata.issuer} could not be reached for tokens.`);
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token) {
        const reason = body.error_description || body.error || `HTTP ${response.status}`;
        throw new OidcError(`The identity provider refused to issue tokens: ${reason}`, body.error || null);
    }
    const seconds = Number(body.expires_in) || (claimsOf(body.access_token).exp - Date.now() / 1000) || 300;
    return {...body, expires_at: Date.now() + seconds * 1000};
}

/**
 * Checks the ID token of a code exchange against the request: issuer, audience and nonce. The token came
 * straight from the token endpoint over the connection the browser checked, so its signature need not be
 * (OpenID Connect Core 3.1.3.7); the server verifies every access token it is given anyway.
 */
export function checkIdToken(idToken, issuer, clientId, nonce) {
    const claims = claimsOf(idToken);
    const audiences = [claims.aud].flat();
    if (claims.iss !== issuer || !audiences.includes(clientId)) {
        throw new OidcError('The identity provider sent an ID token for another issuer or client. Sign in again.');
    }
    if (claims.nonce !== nonce) {
        throw new OidcError('The ID token does not belong to this sign-in (nonce mismatch). Sign in again.');
    }
    return claims;
}

/** Where to sign out at the IdP, or null when it offers no RP-initiated logout. */
export function endSessionUrl(metadata, clientId, idToken, postLogoutRedirectUri) {
    if (!metadata.end_session_endpoint) {
        return null;
    }
    const url = new URL(metadata.end_session_endpoint);
    if (idToken) {
        url.searchParams.set('id_token_hint', idToken);
    }
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
    return url.toString();
}

/** A JWT's claims, unverified; {} when it is not a JWT. */
export function claimsOf(token) {
    try {
        const payload = (token || '').split('.')[1];
        const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
        const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
        return JSON.parse(new TextDecoder().decode(bytes)) || {};
    } catch (e) {
        return {};
    }
}
