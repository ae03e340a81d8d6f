package dev.fluxbase.ai.tools.sql.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.queryResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Prometheus;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twenty turns at once, each asking PostgreSQL for a 250 MB value, while another user chats normally: the other
 * user's turns all succeed, every heavy turn ends with its value cut to the cell cap, and the server's heap stays
 * under its limit throughout (sampled from {@code /metrics}; the peak is written to {@code target/sql-soak.txt}).
 * On an instance of its own with a long statement timeout (and the smaller heap of extra instances), so that the
 * values really arrive rather than the test run's short timeout ending them on a busy machine; and with long provider
 * timeouts, since the fake provider shares the two cores that PostgreSQL fills with those values.
 */
@ExtendWith(FluxbaseServer.class)
class SqlSoakIT {

    static final int HEAVY_TURNS = 20;
    static final int LIGHT_TURNS = 5;
    static final String HEAVY = "Give me the huge value";
    static final String LIGHT = "How many customers?";
    static final String HUGE_VALUE = "SELECT repeat('x', 250000000) AS boom";
    /**
     * Twenty 250 MB values at once keep PostgreSQL busy for about 25 s on an idle 2-core machine, and a CI machine
     * may be several times slower: a turn must have ended soon after the statement timeout, whatever the machine.
     */
    static final Duration HEAVY_PATIENCE = Duration.ofSeconds(200);
    /** The other user's turns share those two cores: they must succeed, however slowly. */
    static final Duration LIGHT_PATIENCE = Duration.ofSeconds(60);

    private ServerUnderTest server;
    private DisposableInstance instance;
    private ScheduledExecutorService sampler;
    private double heavySeconds;

    @BeforeEach
    void setUp(ServerUnderTest runServer) {
        SqlFixture.ensure(runServer);
        instance = runServer.startDisposableInstance(Map.of("FLUXBASE_SQL_STATEMENT_TIMEOUT_MS", "180000",
                "FLUXBASE_AI_PROVIDER_FIRST_TOKEN_TIMEOUT_MS", "60000", "FLUXBASE_AI_PROVIDER_IDLE_TIMEOUT_MS", "60000"));
        server = instance.server();
        server.llm().reset();
        // Parallel turns' requests arrive in no fixed order: each gets the reply its own conversation needs.
        server.llm().respondWith(request -> {
            JsonArray messages = request.getJsonArray("messages");
            JsonObject last = messages.getJsonObject(messages.size() - 1);
            if ("tool".equals(last.getString("role"))) {
                return Reply.text("Done.");
            }
            String sql = last.getString("content").equals(HEAVY) ? HUGE_VALUE : "SELECT count(*) AS n FROM customers";
            return Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", sql).build().toString());
        });
    }

    @AfterEach
    void tearDown() {
        server.llm().reset();
        if (sampler != null) {
            sampler.shutdownNow();
        }
        instance.close();
    }

    @Test
    void twentyHugeValuesAtOnceLeaveTheHeapAndTheOtherUserAlone() throws Exception {
        double maxHeap = Prometheus.scrape(server).value("memory_maxHeap_bytes");
        AtomicLong peakHeap = new AtomicLong();
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet((long) Prometheus.scrape(server).value("memory_usedHeap_bytes"), Math::max),
                0, 100, TimeUnit.MILLISECONDS);

        List<ChatClient> heavy = new ArrayList<>();
        List<String> heavyConversations = new ArrayList<>();
        try (ChatClient light = server.chatAs("soak-light")) {
            for (int i = 0; i < HEAVY_TURNS; i++) {
                ChatClient chat = server.chatAs("soak-heavy-" + i);
                heavy.add(chat);
                heavyConversations.add(chat.startChat("guarded-bot", "default"));
            }
            for (int i = 0; i < HEAVY_TURNS; i++) {
                heavy.get(i).message(heavyConversations.get(i), HEAVY);
            }
            long asked = System.nanoTime();
            String lightConversation = light.startChat("guarded-bot", "default");
            for (int i = 0; i < LIGHT_TURNS; i++) {
                light.message(lightConversation, LIGHT);
                List<JsonObject> frames = light.turn(lightConversation, LIGHT_PATIENCE);
                assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
                assertThat(queryResult(frames).getJsonArray("data").getJsonObject(0).getInt("n")).isEqualTo(2);
            }
            for (int i = 0; i < HEAVY_TURNS; i++) {
                List<JsonObject> frames = heavy.get(i).turn(heavyConversations.get(i), HEAVY_PATIENCE);
                assertThat(frames.get(frames.size() - 1).getString("type")).as("heavy turn %d", i).isEqualTo("done");
                JsonObject result = queryResult(frames);
                assertThat(result.getJsonArray("data")).as("heavy turn %d: %s", i, result.getString("summary")).hasSize(1);
                String value = result.getJsonArray("data").getJsonObject(0).getString("boom");
                assertThat(value).startsWith("xxxx").endsWith("…[truncated 249,980,000 bytes]").hasSizeLessThan(25_000);
            }
            heavySeconds = (System.nanoTime() - asked) / 1e9;
        } finally {
            heavy.forEach(ChatClient::close);
        }
        sampler.shutdown();
        assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        report(peakHeap.get(), maxHeap, heavySeconds);
        assertThat((double) peakHeap.get()).isGreaterThan(0).isLessThan(maxHeap);
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
    }

    private static void report(long peak, double max, double seconds) throws IOException {
        Files.writeString(Path.of(System.getProperty("it.buildDir", "target"), "sql-soak.txt"), String.format(
                "%d parallel turns of a 250 MB value, plus %d turns of another user: peak used heap %.0f MB of %.0f MB;"
                        + " the last heavy turn ended %.1f s after they were asked%n",
                HEAVY_TURNS, LIGHT_TURNS, peak / 1e6, max / 1e6, seconds));
    }
}
