package dev.fluxbase.ai.quotas.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;

/**
 * A chatbot's limits per user: messages per minute, messages per UTC day, tokens per UTC day. A limit
 * of 0 allows nothing: a limit is never "off", write a large number for "practically unlimited".
 *
 * @param tokensPerTurn what a running turn reserves of the day's tokens until it is booked: the
 *                      chatbot's {@code max-tokens}, the most one provider call may generate
 */
public record Limits(int perMinute, int perDay, long tokensPerDay, long tokensPerTurn) {

    public static Limits of(ChatbotSettings settings) {
        return new Limits(settings.limits().perMinute(), settings.limits().perDay(), settings.limits().tokensPerDay(),
                settings.modelChoice().maxTokens());
    }
}
