package dev.fluxbase.ai.chatbots.control;

/** One {@code @fluxbase:key value} line of a doc comment. */
record Annotation(String key, String value, int line) {
}
