package dev.fluxbase.ai.chatbots.entity;

import java.util.List;

/** Fired after a sync that created or updated chatbots commits, so that their annotations can take effect elsewhere. */
public record ChatbotsSynced(String namespace, List<String> changedNames) {

    public ChatbotsSynced {
        changedNames = List.copyOf(changedNames);
    }
}
