package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.knowledge.control.CharacterEstimate;
import dev.fluxbase.ai.knowledge.control.ChunkCoverage;
import dev.fluxbase.ai.knowledge.control.LongDocument;
import dev.fluxbase.ai.knowledge.control.MiniLmTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chunks sized in the embedding model's tokens: the built-in model's counted by its own tokenizer (here
 * loaded in the test from the same files) and never beyond its 256-token window, a provider's model
 * estimated up to its input limit; either way the whole text is covered.
 */
@ExtendWith(FluxbaseServer.class)
class TokenChunkingIT {

    private static final int WINDOW = 256;
    private static final String FACT = "The lighthouse keeper's cat is called Marmalade and sleeps in the lantern room.";

    private ServerUnderTest server;
    private KnowledgeApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        api.deleteAll();
    }

    @AfterEach
    void tearDown() {
        api.deleteAll();
    }

    @Test
    void theBuiltInModelsChunksFitItsWindowInItsOwnTokensAndTheModelReadsThemWhole() {
        JsonObject kb = create(Json.createObjectBuilder().add("embedding_model", "all-MiniLM-L6-v2").add("chunk_size", 1000));
        assertThat(kb.getInt("chunk_size")).isEqualTo(1000);
        assertThat(kb.getInt("effective_chunk_size")).isEqualTo(WINDOW);
        assertThat(kb.getInt("embedding_max_tokens")).isEqualTo(WINDOW);
        assertThat(kb.getString("token_counting")).isEqualTo("tokenizer");
        String text = LongDocument.text() + "\n\n" + LongDocument.prose("Log", 1, 5) + FACT;

        List<String> chunks = chunksOf(kb.getString("id"), text);

        MiniLmTokens tokens = new MiniLmTokens();
        List<Integer> counted = chunks.stream().map(chunk -> tokens.count(chunk) + tokens.specialTokens()).toList();
        assertThat(counted).hasSizeGreaterThan(10).allMatch(count -> count <= WINDOW);
        assertThat(tokenCounts(kb.getString("id"))).isEqualTo(counted);
        ChunkCoverage.assertCovers(text, chunks);

        String withFact = chunks.stream().filter(chunk -> chunk.contains(FACT)).findFirst().orElseThrow();
        assertThat(tokens.count(withFact.substring(0, withFact.indexOf(FACT)))).as("the fact lies beyond the first 128 tokens")
                .isGreaterThan(128);
        List<JsonObject> found = search(kb.getString("id"), "Where does the cat Marmalade sleep?");
        assertThat(found.get(0).getString("content")).contains(FACT);
    }

    @Test
    void aProvidersModelGetsEstimatedTokensUpToItsInputLimit() {
        JsonObject kb = create(Json.createObjectBuilder().add("chunk_size", 8192).add("chunk_overlap", 20));
        assertThat(kb.getString("embedding_model")).isEqualTo(FluxbaseServer.EMBEDDING_MODEL);
        assertThat(kb.getInt("effective_chunk_size")).as("a model not in the table: the configured default").isEqualTo(512);
        assertThat(kb.getString("token_counting")).isEqualTo("estimate");
        String text = LongDocument.text();

        List<String> chunks = chunksOf(kb.getString("id"), text);

        List<Integer> estimated = chunks.stream().map(CharacterEstimate.INSTANCE::count).toList();
        assertThat(estimated).hasSizeGreaterThan(3).allMatch(count -> count <= 512);
        assertThat(tokenCounts(kb.getString("id"))).isEqualTo(estimated);
        ChunkCoverage.assertCovers(text, chunks);
    }

    private JsonObject create(JsonObjectBuilder body) {
        ApiResponse created = api.call("POST", BASE, body.add("name", "chunked").build().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private List<String> chunksOf(String kb, String text) {
        String document = api.readyDocument(kb, "Long", text);
        return server.column("SELECT content FROM ai.chunks WHERE document_id = ?::uuid ORDER BY chunk_index", document);
    }

    private List<Integer> tokenCounts(String kb) {
        return server.column("SELECT token_count::text FROM ai.chunks WHERE knowledge_base_id = ?::uuid ORDER BY chunk_index", kb)
                .stream().map(Integer::valueOf).toList();
    }

    private List<JsonObject> search(String kb, String query) {
        ApiResponse response = api.call("POST", BASE + "/" + kb + "/search", Json.createObjectBuilder().add("query", query)
                .add("max_chunks", 3).add("threshold", -1).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.array("results").getValuesAs(JsonObject.class);
    }
}
