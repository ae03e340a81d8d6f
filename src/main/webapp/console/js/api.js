// Calls the REST API with the signed-in token, and turns its {error, code} answers into ApiErrors.
import {session} from './session.js';

/** The server root: this module is served from <root>/console/js/. */
export const ROOT = new URL('../../', import.meta.url);

export class ApiError extends Error {
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

let renewal = async () => null;

/** How a refused token is renewed: resolves with a fresh token, or null when there is none (a pasted token). */
export function setTokenRenewal(renew) {
    renewal = renew;
}

export function renewToken() {
    return renewal();
}

export async function api(method, path, body) {
    try {
        return await call(method, path, body);
    } catch (error) {
        // A token that expired while the tab slept (timers wait in hidden tabs) is renewed once, and the call repeated.
        if (error.status === 401 && session.token() && await renewToken().catch(() => null)) {
            return call(method, path, body);
        }
        throw error;
    }
}

async function call(method, path, body) {
    const headers = {Accept: 'application/json'};
    const token = session.token();
    if (token) {
        headers.Authorization = 'Bearer ' + token;
    }
    let payload;
    if (body instanceof FormData) {
        payload = body;
    } else if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(new URL('api/v1' + path, ROOT), {method, headers, body: payload});
    } catch (e) {
        throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached');
    }
    const text = await response.text();
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch (e) {
        json = null;
    }
    if (!response.ok) {
        throw new ApiError(response.status, json?.code || 'HTTP_' + response.status,
            json?.error || json?.message || `${response.status} ${response.statusText}`);
    }
    return json;
}

export const get = path => api('GET', path);

/** The chat socket's URL for the signed-in token. */
export function socketUrl() {
    const url = new URL('ai/ws', ROOT);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = session.token();
    if (token) {
        url.searchParams.set('token', token);
    }
    return url.toString();
}

export function describe(error) {
    return error instanceof ApiError ? `${error.message} (${error.code})` : String(error?.message || error);
}
