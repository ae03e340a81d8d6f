package dev.fluxbase.ai.knowledge.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Fluxbase's per-user rights on a knowledge base, each including the ones before it: a viewer reads it and searches
 * its own and unowned documents, an editor also adds and deletes its own documents, an owner also shares it.
 */
public enum KnowledgePermission {
    VIEWER, EDITOR, OWNER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allows(KnowledgePermission required) {
        return compareTo(required) >= 0;
    }

    public static Optional<KnowledgePermission> parse(String text) {
        return Arrays.stream(values()).filter(permission -> permission.wireName().equals(text)).findFirst();
    }
}
