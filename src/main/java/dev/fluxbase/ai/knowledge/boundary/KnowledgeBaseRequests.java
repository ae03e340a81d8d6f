package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.EmbeddingModels;
import dev.fluxbase.ai.knowledge.control.LocalEmbeddings;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBaseDefaults;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Create and update bodies of knowledge bases, validated. */
final class KnowledgeBaseRequests {

    static final int DEFAULT_CHUNK_SIZE = KnowledgeBaseDefaults.CHUNK_SIZE;
    static final int DEFAULT_CHUNK_OVERLAP = KnowledgeBaseDefaults.CHUNK_OVERLAP;
    private static final int MAX_DIMENSIONS = 16000;
    private static final List<String> STRATEGIES = List.of("recursive", "sentence", "paragraph", "fixed");
    private static final String EXTRACTION_PROVIDER = "extraction_provider";
    private static final int MAX_PROVIDER_NAME = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private KnowledgeBaseRequests() {
    }

    /** A new knowledge base; the embedding model defaults to the embedding service's. */
    static KnowledgeBase create(JsonFields body, EmbeddingModel serviceModel) {
        String name = name(body.requiredText("name"));
        String namespace = body.nonBlankText("namespace").map(KnowledgeBaseRequests::name).orElse("default");
        EmbeddingModel model = model(body, serviceModel);
        KnowledgeBase kb = new KnowledgeBase(null, name, namespace, body.text("description").orElse(null), model,
                body.integer("chunk_size", 0, 8192).filter(s -> s > 0).orElse(DEFAULT_CHUNK_SIZE),
                body.integer("chunk_overlap", 0, 8192).filter(s -> s > 0).orElse(DEFAULT_CHUNK_OVERLAP),
                body.choice("chunk_strategy", STRATEGIES).orElse(KnowledgeBaseDefaults.STRATEGY), true, 0, 0, null, null,
                body.bool("entity_extraction").orElse(false), extractionProvider(body).orElse(null),
                body.choice("visibility", KnowledgeBase.VISIBILITIES).orElse("private"));
        return checked(kb);
    }

    static KnowledgeBase update(KnowledgeBase old, JsonFields body) {
        EmbeddingModel model = builtInChecked(new EmbeddingModel(
                body.nonBlankText("embedding_model").map(KnowledgeBaseRequests::canonical).orElse(old.model().name()),
                body.integer("embedding_dimensions", 1, MAX_DIMENSIONS).orElse(old.model().dimensions())));
        return checked(new KnowledgeBase(old.id(), body.text("name").map(KnowledgeBaseRequests::name).orElse(old.name()),
                old.namespace(), body.text("description").orElse(old.description()), model,
                body.integer("chunk_size", 1, 8192).orElse(old.chunkSize()),
                body.integer("chunk_overlap", 0, 8192).orElse(old.chunkOverlap()),
                body.choice("chunk_strategy", STRATEGIES).orElse(old.chunkStrategy()), body.bool("enabled").orElse(old.enabled()),
                old.documentCount(), old.totalChunks(), old.createdAt(), old.updatedAt(),
                body.bool("entity_extraction").orElse(old.entityExtraction()),
                body.has(EXTRACTION_PROVIDER) ? extractionProvider(body).orElse(null) : old.extractionProvider(),
                body.choice("visibility", KnowledgeBase.VISIBILITIES).orElse(old.visibility())));
    }

    /** A provider's name; blank or null means the default provider. */
    private static Optional<String> extractionProvider(JsonFields body) {
        Optional<String> name = body.nonBlankText(EXTRACTION_PROVIDER).map(String::strip);
        if (name.filter(n -> n.length() > MAX_PROVIDER_NAME).isPresent()) {
            throw body.invalid(EXTRACTION_PROVIDER, "a provider's name of at most " + MAX_PROVIDER_NAME + " characters");
        }
        return name;
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
    private static EmbeddingModel model(JsonFields body, EmbeddingModel serviceModel) {
        String model = body.nonBlankText("embedding_model").map(KnowledgeBaseRequests::canonical).orElse(serviceModel.name());
        Optional<Integer> dimensions = body.integer("embedding_dimensions", 0, MAX_DIMENSIONS).filter(d -> d > 0);
        Optional<Integer> known = Optional.of(serviceModel).filter(m -> m.name().equals(model)).map(EmbeddingModel::dimensions)
                .or(() -> EmbeddingModels.dimensions(model));
        int resolved = dimensions.or(() -> known).orElseThrow(() -> RequestRejected.badRequest(
                "Invalid request body: \"embedding_dimensions\" is required for the model " + model));
        return builtInChecked(new EmbeddingModel(model, resolved));
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
