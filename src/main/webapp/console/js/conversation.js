// The chat view's current conversation, kept on a socket with the session's current token. The server holds
// a socket to the token it was opened with, so after a refresh the next turn moves to a new socket, and a
// start or message it refuses with INVALID_TOKEN ("Token expired: reconnect with a fresh token") is tried once
// more with a renewed token. Stored conversations resume on the new socket; others live only on their socket,
// so a new one begins there, and onRestarted says so.
import {renewToken} from './api.js';

export class ChatConversation {
    constructor(socket, onFrame, onRestarted) {
        this.socket = socket;
        this.onFrame = onFrame;
        this.onRestarted = onRestarted;
        this.id = null;
        this.bot = null;
        this.turn = null;
    }

    /** Forgets the conversation: the next message starts a new one. */
    reset() {
        this.id = null;
        this.turn = null;
    }

    /** Starts a conversation with the chatbot ({name, namespace}), or resumes the stored one with that id. */
    async start(bot, resumeId = null) {
        this.bot = bot;
        this.id = null;
        if (this.socket.stale()) {
            await this.socket.reconnect();
        }
        let id;
        try {
            id = await this.socket.startChat(bot.name, bot.namespace, resumeId);
        } catch (refusal) {
            if (!await this.renewedAfter(refusal)) {
                throw refusal;
            }
            await this.socket.reconnect();
            id = await this.socket.startChat(bot.name, bot.namespace, resumeId);
        }
        this.follow(id);
        return id;
    }

    /** Makes sure the next message has a conversation on a socket with the current token. */
    async prepare(bot) {
        if (this.id && this.socket.stale()) {
            await this.move();
        }
        if (!this.id) {
            await this.start(bot);
        }
    }

    send(content) {
        this.turn = {content, retried: false};
        this.socket.send({type: 'message', conversation_id: this.id, content});
    }

    cancel() {
        this.socket.send({type: 'cancel', conversation_id: this.id});
    }

    /** Confirms or cancels a write preview of this conversation; the answer is a write_result or an error frame. */
    decideWrite(previewId, confirm) {
        this.socket.send({type: confirm ? 'confirm_write' : 'cancel_write', conversation_id: this.id, preview_id: previewId});
    }

    follow(id) {
        this.id = id;
        this.socket.listen(id, frame => this.receive(frame));
    }

    /** A new socket with the session's token, and this conversation on it. */
    async move() {
        const previous = this.id;
        this.id = null;
        await this.socket.reconnect();
        let id = null;
        try {
            id = await this.socket.startChat(this.bot.name, this.bot.namespace, previous);
        } catch (refusal) {
            if (refusal.code !== 'CONVERSATION_NOT_FOUND') {
                throw refusal;
            }
        }
        if (id !== previous) {
            this.onRestarted();
        }
        if (id) {
            this.follow(id);
        }
    }

    receive(frame) {
        const turn = this.turn;
        if (frame.type === 'error' && frame.code === 'INVALID_TOKEN' && turn && !turn.retried) {
            turn.retried = true;
            this.retry(turn, frame);
            return;
        }
        if (['done', 'cancelled', 'error', 'closed'].includes(frame.type)) {
            this.turn = null;
        }
        this.onFrame(frame);
    }

    /** The message again, from a new socket with a fresh token; the refusal stands when there is none. */
    async retry(turn, refusal) {
        try {
            if (!this.socket.stale() && !await this.renewedAfter(refusal)) {
                throw refusal;
            }
            await this.move();
            if (!this.id) {
                await this.start(this.bot);
            }
            this.socket.send({type: 'message', conversation_id: this.id, content: turn.content});
        } catch (error) {
            this.turn = null;
            this.onFrame(error.type === 'error' ? error : {...refusal, error: `${refusal.error} ${error.message || ''}`.trim()});
        }
    }

    /** Whether a refusal of the token was answered with a fresh one (never for a pasted token). */
    async renewedAfter(refusal) {
        return refusal?.code === 'INVALID_TOKEN' && Boolean(await renewToken().catch(() => null));
    }
}
