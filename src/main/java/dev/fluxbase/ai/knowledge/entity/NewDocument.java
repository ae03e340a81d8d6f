package dev.fluxbase.ai.knowledge.entity;

import java.util.List;

/** A document as an administrator adds it; {@code metadata} is a JSON object as text. */
public record NewDocument(String title, String content, String source, String mimeType, String metadata, List<String> tags) {
}
