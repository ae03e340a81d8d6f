package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.graph.entity.ChunkGraph;
import dev.fluxbase.ai.knowledge.graph.entity.DocumentGraph;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractionRejected;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.providers.control.ProviderSelector;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.quotas.control.UsageBook;
import dev.fluxbase.ai.quotas.entity.ExtractionUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the knowledge base's provider (through the same retries, failover and timeouts as chat turns) for the
 * entities and relationships of each chunk of a document, one call per chunk, and books every call in the usage
 * ledger. It never fails the document: an answer it cannot read costs that chunk its graph, and a provider that
 * fails (after its retries) ends the extraction, keeping what the chunks before it gave; either way the document
 * graph says why it fell short.
 */
@ApplicationScoped
public class EntityExtractor {

    private static final Logger LOG = Logger.getLogger(EntityExtractor.class.getName());

    @Inject
    ProviderSelector providers;

    @Inject
    UsageBook usage;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.extraction.max-tokens", defaultValue = "2048")
    int maxTokens;

    public DocumentGraph extract(KnowledgeBase kb, UUID documentId, List<String> chunks) {
        ChatProvider provider;
        try {
            provider = providers.providerNamed(kb.extractionProvider());
        } catch (ProviderException e) {
            return stopped(documentId, List.of(), chunks.size(), e);
        }
        List<ChunkGraph> graphs = new ArrayList<>();
        int unreadable = 0;
        String firstProblem = null;
        for (String chunk : chunks) {
            try {
                graphs.add(extract(kb, provider, chunk));
            } catch (ExtractionRejected e) {
                graphs.add(ChunkGraph.EMPTY);
                unreadable++;
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            } catch (ProviderException e) {
                return stopped(documentId, graphs, chunks.size(), e);
            }
        }
        if (unreadable == 0) {
            return new DocumentGraph(graphs, null);
        }
        LOG.log(Level.WARNING, "Entity extraction of document {0}: {1} of {2} answers unreadable, the first: {3}",
                new Object[] {documentId, unreadable, chunks.size(), firstProblem});
        return new DocumentGraph(graphs, "Entity extraction failed for " + unreadable + " of " + chunks.size() + " chunks: " + firstProblem);
    }

    private ChunkGraph extract(KnowledgeBase kb, ChatProvider provider, String chunk) {
        long started = System.nanoTime();
        CompletionResult result;
        try {
            result = complete(provider, ExtractionPrompt.request(chunk, maxTokens));
        } catch (ProviderException e) {
            book(kb, provider, TokenUsage.NONE, started, e.code());
            throw e;
        }
        TokenUsage used = result.usage() == null ? TokenUsage.NONE : result.usage();
        try {
            ChunkGraph graph = ExtractionAnswer.parse(result.content());
            book(kb, provider, used, started, null);
            return graph;
        } catch (ExtractionRejected e) {
            book(kb, provider, used, started, ErrorCodes.EXTRACTION_INVALID);
            throw e;
        }
    }

    /** A collected completion; a server that refuses the response schema is asked again without it (the prompt asks for the same). */
    private static CompletionResult complete(ChatProvider provider, CompletionRequest request) {
        try {
            return provider.stream(request, delta -> { }, new CancelSignal());
        } catch (ProviderException e) {
            if (e.failure() != ProviderException.Failure.REJECTED) {
                throw e;
            }
            return provider.stream(request.withoutSchema(), delta -> { }, new CancelSignal());
        }
    }

    private DocumentGraph stopped(UUID documentId, List<ChunkGraph> graphs, int chunks, ProviderException e) {
        String reason = "Entity extraction stopped at chunk " + (graphs.size() + 1) + " of " + chunks + ": " + e.code() + " " + e.getMessage();
        LOG.log(Level.WARNING, "Document {0}: {1}", new Object[] {documentId, reason});
        return new DocumentGraph(graphs, reason);
    }

    /** Tokens spent are booked even when the answer is useless; a ledger that cannot be written does not stop the work. */
    private void book(KnowledgeBase kb, ChatProvider provider, TokenUsage used, long started, String errorCode) {
        try {
            usage.book(new ExtractionUsage(kb.id(), provider.name(), provider.model(), used.promptTokens(), used.completionTokens(),
                    (System.nanoTime() - started) / 1_000_000, errorCode, clock.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not book an entity-extraction call of knowledge base {0}: {1}", new Object[] {kb.id(), e.getMessage()});
        }
    }
}
