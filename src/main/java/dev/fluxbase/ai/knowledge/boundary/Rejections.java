package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.entity.KnowledgeConflict;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.util.function.Supplier;

/** The knowledge-base API's refusals, each with its status and code. */
public final class Rejections {

    private Rejections() {
    }

    public static RequestRejected knowledgeBaseNotFound() {
        return RequestRejected.notFound(ErrorCodes.KNOWLEDGE_BASE_NOT_FOUND, "Knowledge base not found");
    }

    static RequestRejected documentNotFound() {
        return RequestRejected.notFound(ErrorCodes.DOCUMENT_NOT_FOUND, "Document not found");
    }

    static RequestRejected chatbotNotFound() {
        return RequestRejected.notFound(ErrorCodes.CHATBOT_NOT_FOUND, "Chatbot not found");
    }

    static RequestRejected linkNotFound() {
        return RequestRejected.notFound(ErrorCodes.LINK_NOT_FOUND, "Chatbot-knowledge base link not found");
    }

    /** Runs a write whose unique constraint may be violated, answering 409 then. */
    public static <T> T conflictAs(String message, Supplier<T> write) {
        try {
            return write.get();
        } catch (KnowledgeConflict e) {
            throw new RequestRejected(409, ErrorCodes.CONFLICT, message);
        }
    }
}
