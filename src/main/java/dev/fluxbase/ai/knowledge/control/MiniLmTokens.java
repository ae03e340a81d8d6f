package dev.fluxbase.ai.knowledge.control;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The built-in model's own tokenizer (WordPiece, from the model's tokenizer file, run by DJL's binding of
 * Hugging Face tokenizers), so that chunks are counted in exactly the tokens the model reads. One native
 * tokenizer, loaded on first use and shared: encoding is thread-safe. It never truncates, so a text
 * longer than the window is counted in full.
 */
@ApplicationScoped
public class MiniLmTokens implements TokenCounter {

    private final OnFirstUse<Loaded> loaded = new OnFirstUse<>(MiniLmTokens::load);

    /** The tokenizer, and the special tokens it adds to every input. */
    private record Loaded(HuggingFaceTokenizer tokenizer, int specialTokens) {
    }

    @Override
    public int[] tokenStarts(String text) {
        CharSpan[] spans = tokenizer().encode(text, false, false).getCharTokenSpans();
        int[] starts = new int[spans.length];
        // Spans count code points; strings index UTF-16 units, which differ after a character beyond the BMP.
        int codePoint = 0;
        int index = 0;
        for (int i = 0; i < spans.length; i++) {
            int start = spans[i] == null ? codePoint : spans[i].getStart();
            index = text.offsetByCodePoints(index, start - codePoint);
            codePoint = start;
            starts[i] = index;
        }
        return starts;
    }

    @Override
    public int count(String text) {
        return tokenizer().encode(text, false, false).getIds().length;
    }

    @Override
    public int specialTokens() {
        return loaded.get().specialTokens();
    }

    @Override
    public boolean exact() {
        return true;
    }

    @PreDestroy
    void close() {
        Loaded current = loaded.made();
        if (current != null) {
            current.tokenizer().close();
        }
    }

    private HuggingFaceTokenizer tokenizer() {
        return loaded.get().tokenizer();
    }

    private static Loaded load() {
        byte[] definition = MiniLm.tokenizerDefinition().getBytes(StandardCharsets.UTF_8);
        try {
            HuggingFaceTokenizer loaded = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(definition),
                    Map.of("truncation", "false", "padding", "false"));
            return new Loaded(loaded, loaded.encode("", true, false).getIds().length);
        } catch (IOException | LinkageError | RuntimeException e) {
            throw new KnowledgeException("The built-in model's tokenizer is unavailable (DJL's tokenizers must be on the "
                    + "server's classpath, see payara/run.sh): " + e, e);
        }
    }
}
