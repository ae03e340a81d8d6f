package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/**
 * The built-in embedding model: all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by ONNX
 * Runtime, so that knowledge bases work with no external service. Loaded on first use (about a second
 * and 100 MB); texts longer than the model's 256-token window are embedded in parts and averaged.
 */
@ApplicationScoped
public class LocalEmbeddings {

    public static final EmbeddingModel MODEL = new EmbeddingModel("all-MiniLM-L6-v2", 384);

    private static final Logger LOG = Logger.getLogger(LocalEmbeddings.class.getName());

    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    public static boolean handles(String modelName) {
        return MODEL.name().equalsIgnoreCase(modelName);
    }

    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return loaded().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel loaded() {
        AllMiniLmL6V2QuantizedEmbeddingModel current = model;
        if (current == null) {
            synchronized (this) {
                current = model;
                if (current == null) {
                    model = current = load();
                }
            }
        }
        return current;
    }

    /** A missing ONNX Runtime (a WAR deployed without the server libraries) is a clear error, not a crash. */
    private static AllMiniLmL6V2QuantizedEmbeddingModel load() {
        long started = System.nanoTime();
        try {
            // Each call embeds its texts in order on the calling thread; ONNX Runtime spreads one inference
            // over the cores itself, and a turn's thread must not wait on tasks queued behind other turns.
            AllMiniLmL6V2QuantizedEmbeddingModel loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
            LOG.info(() -> "Built-in embedding model " + MODEL.name() + " loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return loaded;
        } catch (LinkageError | RuntimeException e) {
            throw new KnowledgeException("The built-in embedding model is unavailable (ONNX Runtime must be on the server's "
                    + "classpath, see payara/run.sh): " + e, e);
        }
    }
}
