package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.control.KnowledgePermissions;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgePermission;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller's rights on the knowledge base of a user route. No right and an unknown id answer the same 403, as
 * Fluxbase does, so that the routes do not tell which knowledge bases exist.
 */
@RequestScoped
class UserKnowledgeAccess {

    @Inject
    CurrentCaller caller;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    KnowledgePermissions permissions;

    /** The signed-in user; a token without a user (a service key) owns no documents. */
    String userId() {
        String userId = caller.get().userId();
        if (userId == null) {
            throw new RequestRejected(401, ErrorCodes.AUTH_REQUIRED, "Authentication required");
        }
        return userId;
    }

    /** The knowledge base when the caller holds at least this permission on it. */
    KnowledgeBase require(String id, KnowledgePermission required, String refusal) {
        String userId = userId();
        return Ids.parse(id).filter(kb -> permissions.of(kb, userId).filter(held -> held.allows(required)).isPresent())
                .flatMap(knowledgeBases::find).orElseThrow(() -> forbidden(refusal));
    }

    /** Sharing is the owner's, and an administrator's, whose key may have no user (Fluxbase: the owner's only). */
    KnowledgeBase requireSharer(String id, String refusal) {
        if (caller.isAdmin()) {
            return Ids.parse(id).flatMap(knowledgeBases::find).orElseThrow(Rejections::knowledgeBaseNotFound);
        }
        return require(id, KnowledgePermission.OWNER, refusal);
    }

    KnowledgePermission permissionOn(KnowledgeBase kb) {
        return permissions.of(kb.id(), userId()).orElseThrow(() -> forbidden("Access denied"));
    }

    /** Who gives a grant: null for an administrator's key without a user. */
    String grantor() {
        return caller.get().userId();
    }

    static RequestRejected forbidden(String message) {
        return new RequestRejected(403, ErrorCodes.FORBIDDEN, message);
    }
}
