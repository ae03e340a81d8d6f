package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.EmbeddingModels;
import dev.fluxbase.ai.knowledge.control.LocalEmbeddings;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Create and update bodies of knowledge bases, validated. */
final class KnowledgeBaseRequests {

    static final int DEFAULT_CHUNK_SIZE = 512;
    static final int DEFAULT_CHUNK_OVERLAP = 50;
    private static final int MAX_DIMENSIONS = 16000;
    private static final Set<String> STRATEGIES = Set.of("recursive", "sentence", "paragraph", "fixed");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private KnowledgeBaseRequests() {
    }

    /** A new knowledge base; the embedding model defaults to the embedding service's. */
    static KnowledgeBase create(JsonObject body, EmbeddingModel serviceModel) {
        String name = name(Fields.required(body, "name"));
        String namespace = Fields.text(body, "namespace").filter(s -> !s.isBlank()).map(KnowledgeBaseRequests::name).orElse("default");
        EmbeddingModel model = model(body, serviceModel);
        KnowledgeBase kb = new KnowledgeBase(null, name, namespace, Fields.text(body, "description").orElse(null), model,
                Fields.integer(body, "chunk_size", 0, 8192).filter(s -> s > 0).orElse(DEFAULT_CHUNK_SIZE),
                Fields.integer(body, "chunk_overlap", 0, 8192).filter(s -> s > 0).orElse(DEFAULT_CHUNK_OVERLAP),
                strategy(body).orElse("recursive"), true, 0, 0, null, null);
        return checked(kb);
    }

    static KnowledgeBase update(KnowledgeBase old, JsonObject body) {
        EmbeddingModel model = builtInChecked(new EmbeddingModel(
                Fields.text(body, "embedding_model").filter(s -> !s.isBlank()).map(KnowledgeBaseRequests::canonical).orElse(old.model().name()),
                Fields.integer(body, "embedding_dimensions", 1, MAX_DIMENSIONS).orElse(old.model().dimensions())));
        return checked(new KnowledgeBase(old.id(), Fields.text(body, "name").map(KnowledgeBaseRequests::name).orElse(old.name()),
                old.namespace(), Fields.text(body, "description").orElse(old.description()), model,
                Fields.integer(body, "chunk_size", 1, 8192).orElse(old.chunkSize()),
                Fields.integer(body, "chunk_overlap", 0, 8192).orElse(old.chunkOverlap()),
                strategy(body).orElse(old.chunkStrategy()), Fields.bool(body, "enabled").orElse(old.enabled()),
                old.documentCount(), old.totalChunks(), old.createdAt(), old.updatedAt()));
    }

    /** The built-in model's name as it is recorded, whatever its spelling in the request. */
    private static String canonical(String model) {
        return LocalEmbeddings.handles(model) ? LocalEmbeddings.MODEL.name() : model;
    }

    private static EmbeddingModel builtInChecked(EmbeddingModel model) {
        EmbeddingModel builtIn = LocalEmbeddings.MODEL;
        if (builtIn.name().equals(model.name()) && model.dimensions() != builtIn.dimensions()) {
            throw RequestRejected.badRequest("Invalid request body: the built-in model " + builtIn.name() + " has "
                    + builtIn.dimensions() + " dimensions");
        }
        return model;
    }

    /** The named model (default: the embedding service's) with its dimension, given or known. */
    private static EmbeddingModel model(JsonObject body, EmbeddingModel serviceModel) {
        String model = Fields.text(body, "embedding_model").filter(s -> !s.isBlank()).map(KnowledgeBaseRequests::canonical)
                .orElse(serviceModel.name());
        Optional<Integer> dimensions = Fields.integer(body, "embedding_dimensions", 0, MAX_DIMENSIONS).filter(d -> d > 0);
        Optional<Integer> known = Optional.of(serviceModel).filter(m -> m.name().equals(model)).map(EmbeddingModel::dimensions)
                .or(() -> EmbeddingModels.dimensions(model));
        int resolved = dimensions.or(() -> known).orElseThrow(() -> RequestRejected.badRequest(
                "Invalid request body: \"embedding_dimensions\" is required for the model " + model));
        return builtInChecked(new EmbeddingModel(model, resolved));
    }

    private static Optional<String> strategy(JsonObject body) {
        Optional<String> strategy = Fields.text(body, "chunk_strategy").filter(s -> !s.isBlank());
        if (strategy.isPresent() && !STRATEGIES.contains(strategy.get())) {
            throw RequestRejected.badRequest("Invalid request body: \"chunk_strategy\" must be one of " + STRATEGIES);
        }
        return strategy;
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw RequestRejected.badRequest("Invalid name: letters, digits, '_', '.' and '-' only, at most 100");
        }
        return name;
    }

    private static KnowledgeBase checked(KnowledgeBase kb) {
        if (kb.chunkOverlap() >= kb.chunkSize()) {
            throw RequestRejected.badRequest("Invalid request body: \"chunk_overlap\" must be smaller than \"chunk_size\"");
        }
        return kb;
    }
}
