package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.graph.control.EntityExtractor;
import dev.fluxbase.ai.knowledge.graph.entity.DocumentGraph;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a stored document into chunks with embeddings, and, when its knowledge base asks for it, into entities
 * and relationships of the knowledge graph, off the request thread: the request answers at once with
 * {@code pending}, and the status moves to {@code processing}, then {@code indexed} or {@code failed} with the
 * reason. An extraction that fails leaves the document indexed, with the reason in its error message.
 */
@ApplicationScoped
public class Ingestion {

    private static final Logger LOG = Logger.getLogger(Ingestion.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    DocumentStore documents;

    @Inject
    ChunkStore chunks;

    @Inject
    EmbeddingService embeddings;

    @Inject
    InputLimits limits;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    EntityExtractor extractor;

    public void submit(KnowledgeBase kb, UUID documentId) {
        executor.execute(() -> process(kb, documentId));
    }

    void process(KnowledgeBase kb, UUID documentId) {
        try {
            documents.setStatus(documentId, KnowledgeDocument.PROCESSING, null);
            KnowledgeDocument document = documents.find(kb.id(), documentId).orElse(null);
            if (document == null) {
                return; // deleted meanwhile
            }
            List<Chunker.Chunk> parts = Chunker.of(limits.of(kb.model()), kb.chunkSize(), kb.chunkOverlap()).split(document.content());
            if (parts.isEmpty()) {
                throw new KnowledgeException("No content to process");
            }
            List<String> texts = parts.stream().map(Chunker.Chunk::text).toList();
            List<float[]> vectors = embeddings.embed(kb.model(), texts);
            chunks.replace(documentId, kb.id(), parts, vectors, graphOf(kb.id(), documentId, texts));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Document {0} failed: {1}", new Object[] {documentId, e.getMessage()});
            documents.setStatus(documentId, KnowledgeDocument.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Extraction as the knowledge base asks for it now: it may have been switched since the document came. */
    private DocumentGraph graphOf(UUID knowledgeBaseId, UUID documentId, List<String> texts) {
        return knowledgeBases.find(knowledgeBaseId).filter(KnowledgeBase::entityExtraction)
                .map(kb -> extractor.extract(kb, documentId, texts)).orElse(DocumentGraph.NONE);
    }
}
