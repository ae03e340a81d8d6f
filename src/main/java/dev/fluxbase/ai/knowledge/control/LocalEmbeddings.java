package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * The built-in embedding model: all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by ONNX
 * Runtime, so that knowledge bases work with no external service. Loaded on first use (about a second
 * and 100 MB). It reads {@link MiniLm#WINDOW} tokens; chunks are sized to fit (see {@link Chunker}), and
 * a longer text, such as a long query, is cut at the window as sentence-transformers does.
 */
@ApplicationScoped
public class LocalEmbeddings {

    public static final EmbeddingModel MODEL = new EmbeddingModel("all-MiniLM-L6-v2", 384);

    private static final Logger LOG = Logger.getLogger(LocalEmbeddings.class.getName());

    private final OnFirstUse<WindowedMiniLm> model = new OnFirstUse<>(LocalEmbeddings::load);

    public static boolean handles(String modelName) {
        return MODEL.name().equalsIgnoreCase(modelName);
    }

    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.get().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** A missing ONNX Runtime (a WAR deployed without the server libraries) is a clear error, not a crash. */
    private static WindowedMiniLm load() {
        long started = System.nanoTime();
        try {
            WindowedMiniLm loaded = new WindowedMiniLm();
            LOG.info(() -> "Built-in embedding model " + MODEL.name() + " loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return loaded;
        } catch (IOException | LinkageError | RuntimeException e) {
            throw new KnowledgeException("The built-in embedding model is unavailable (ONNX Runtime must be on the server's "
                    + "classpath, see payara/run.sh): " + e, e);
        }
    }

    /** LangChain4j's packaged all-MiniLM-L6-v2, given the tokenizer that reads the whole window. */
    private static final class WindowedMiniLm extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        WindowedMiniLm() throws IOException {
            // Each call embeds its texts in order on the calling thread; ONNX Runtime spreads one inference
            // over the cores itself, and a turn's thread must not wait on tasks queued behind other turns.
            super(Runnable::run);
            try (InputStream model = MiniLm.open(MiniLm.MODEL_FILE);
                    InputStream tokenizer = new ByteArrayInputStream(MiniLm.tokenizerDefinition().getBytes(StandardCharsets.UTF_8))) {
                encoder = new OnnxBertBiEncoder(model, tokenizer, PoolingMode.MEAN);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return MODEL.dimensions();
        }
    }
}
