package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The built-in model's files (in LangChain4j's jar, packaged in the WAR) and its input window. */
final class MiniLm {

    /**
     * Tokens the model reads, its special tokens included: sentence-transformers' {@code max_seq_length}
     * for all-MiniLM-L6-v2. The tokenizer file ships truncating at 128, which would embed only the first
     * half of a full chunk, so it is given this window instead.
     */
    static final int WINDOW = 256;

    static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private MiniLm() {
    }

    static InputStream open(String file) {
        InputStream in = MiniLm.class.getResourceAsStream("/" + file);
        if (in == null) {
            throw new KnowledgeException("The built-in embedding model's " + file + " is missing from the application");
        }
        return in;
    }

    /** The tokenizer's definition, truncating at the window and without padding. */
    static String tokenizerDefinition() {
        JsonObject shipped;
        try (InputStream in = open(TOKENIZER_FILE)) {
            shipped = JsonFactories.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KnowledgeException("The built-in embedding model's tokenizer cannot be read: " + e, e);
        }
        JsonObjectBuilder definition = JsonFactories.PROVIDER.createObjectBuilder(shipped);
        definition.add("truncation", JsonFactories.PROVIDER.createObjectBuilder(shipped.getJsonObject("truncation"))
                .add("max_length", WINDOW));
        definition.add("padding", JsonValue.NULL);
        return definition.build().toString();
    }
}
