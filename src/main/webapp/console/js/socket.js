// The chat WebSocket (README "Chatting"). Frames are routed to the listener of their conversation; a
// start_chat is answered by chat_started or by an error, in the order they were sent. A socket keeps the
// token it was opened with (the server holds it to that token's lifetime), so a refreshed token needs a new one.
import {socketUrl} from './api.js';
import {session} from './session.js';

export class ChatSocket {
    constructor(onClose) {
        this.onClose = onClose;
        this.listeners = new Map();
        this.pendingStarts = [];
        this.socket = null;
        this.opening = null;
        this.current = null;
        this.token = null;
    }

    /** Whether the session's token changed since this socket opened (a refresh, or another sign-in). */
    stale() {
        return this.current !== null && this.token !== session.token();
    }

    /** Drops the socket, quietly, and opens one with the session's token; the conversations must be started again. */
    reconnect() {
        const old = this.current;
        this.current = null;
        this.socket = null;
        this.opening = null;
        this.failStarts('The connection was replaced');
        old?.close();
        return this.open();
    }

    open() {
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
            return Promise.resolve();
        }
        if (this.opening) {
            return this.opening;
        }
        this.opening = new Promise((resolve, reject) => {
            const socket = new WebSocket(socketUrl());
            this.current = socket;
            this.token = session.token();
            socket.addEventListener('open', () => {
                if (this.current !== socket) {
                    socket.close();
                    return;
                }
                this.socket = socket;
                this.opening = null;
                resolve();
            });
            socket.addEventListener('message', event => {
                if (this.current === socket) {
                    this.receive(event.data);
                }
            });
            socket.addEventListener('close', event => {
                if (this.current !== socket) {
                    reject(new Error('The connection was replaced'));
                    return; // replaced by reconnect()
                }
                this.current = null;
                const wasOpen = this.socket === socket;
                this.socket = null;
                this.opening = null;
                this.failStarts('The connection closed');
                if (wasOpen) {
                    this.listeners.forEach(listener => listener({type: 'closed', code: event.code}));
                    this.onClose?.(event);
                } else {
                    reject(new Error('The chat server could not be reached'));
                }
            });
        });
        return this.opening;
    }

    /** Resolves with the conversation id, or rejects with the server's error frame. */
    async startChat(chatbot, namespace, conversationId) {
        await this.open();
        const frame = {type: 'start_chat', chatbot, namespace};
        if (conversationId) {
            frame.conversation_id = conversationId;
        }
        return new Promise((resolve, reject) => {
            this.pendingStarts.push({id: conversationId || null, resolve, reject});
            this.send(frame);
        });
    }

    listen(conversationId, listener) {
        this.listeners.set(conversationId, listener);
    }

    send(frame) {
        this.socket.send(JSON.stringify(frame));
    }

    close() {
        this.listeners.clear();
        this.current?.close();
    }

    receive(data) {
        let frame;
        try {
            frame = JSON.parse(data);
        } catch (e) {
            return;
        }
        if (frame.type === 'chat_started') {
            this.pendingStarts.shift()?.resolve(frame.conversation_id);
            return;
        }
        // A refused start_chat names no conversation, or the one it asked to resume.
        const start = frame.type === 'error'
            ? this.pendingStarts.findIndex(p => !frame.conversation_id || p.id === frame.conversation_id) : -1;
        if (start >= 0) {
            this.pendingStarts.splice(start, 1)[0].reject(frame);
            return;
        }
        const listener = frame.conversation_id ? this.listeners.get(frame.conversation_id) : null;
        if (listener) {
            listener(frame);
        } else if (frame.type === 'error') {
            this.listeners.forEach(l => l(frame));
        }
    }

    failStarts(message) {
        this.pendingStarts.splice(0).forEach(p => p.reject({type: 'error', code: 'DISCONNECTED', error: message}));
    }
}
