package dev.fluxbase.ai.quotas.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-minute limit, counted in PostgreSQL: exact under concurrency, on one instance and on two
 * that share the database. Each test starts at the beginning of a minute (the clocks are moved there),
 * so that no burst straddles two windows.
 */
@ExtendWith(FluxbaseServer.class)
class RateLimitIT {

    private static final int LIMIT = 20;
    private static final int MESSAGES = 50;

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
    }

    @AfterEach
    void resetClock() {
        server.resetClock();
    }

    @Test
    void fiftyMessagesAtOnceLetExactlyTheLimitThrough() throws Exception {
        String user = "burst-" + UUID.randomUUID();
        List<JsonObject> endings = burst(List.of(server), user);

        assertExactlyTheLimitPassed(endings, user, "one instance");
    }

    @Test
    void fiftyMessagesAtOnceOverTwoInstancesLetExactlyTheLimitThrough() throws Exception {
        ServerUnderTest second = server.secondInstance();
        String user = "burst2-" + UUID.randomUUID();
        List<JsonObject> endings = burst(List.of(server, second), user);

        assertExactlyTheLimitPassed(endings, user, "two instances");
    }

    private List<JsonObject> burst(List<ServerUnderTest> instances, String user) throws Exception {
        server.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1));
        for (int i = 0; i < LIMIT; i++) {
            server.llm().enqueue(Reply.text("Here."));
        }
        return Burst.send(instances, user, "limited-bot", 10, MESSAGES / 10);
    }

    private void assertExactlyTheLimitPassed(List<JsonObject> endings, String user, String setup) {
        long done = Burst.count(endings, "done");
        long refused = Burst.count(endings, "RATE_LIMIT_EXCEEDED");
        String measured = "MEASURE " + MESSAGES + " messages at once, rate-limit " + LIMIT + ", " + setup + ": " + done + " done, " + refused
                + " RATE_LIMIT_EXCEEDED, " + (endings.size() - done - refused) + " other";
        System.out.println(measured);
        assertThat(done).as(measured).isEqualTo(LIMIT);
        assertThat(refused).as(measured).isEqualTo(MESSAGES - LIMIT);
        assertThat(server.llm().requests()).hasSize(LIMIT);
        assertThat(server.column("SELECT requests::text FROM ai.usage_counters WHERE subject = ? AND window_kind = 'minute'", "user:" + user))
                .containsExactly(String.valueOf(LIMIT));
        assertThat(server.column("SELECT outcome || ':' || count(*) FROM ai.usage_ledger WHERE user_id = ? GROUP BY outcome ORDER BY 1", user))
                .containsExactly("done:" + LIMIT, "refused:" + (MESSAGES - LIMIT));
    }

    @Test
    void aRefusalSaysWhenToRetryCountsNowhereAndNeverReachesTheProvider() {
        server.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1));
        String user = "refused-" + UUID.randomUUID();
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("limited-bot", "default");
            for (int i = 0; i < LIMIT; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(id, "message " + i);
                assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            }
            chat.message(id, "one too many");
            JsonObject refused = last(chat.turn(id));
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(refused.getString("conversation_id")).isEqualTo(id);
            int retryAfter = refused.getInt("retry_after");
            assertThat(retryAfter).isBetween(1, 60);
            assertThat(refused.getString("error")).isEqualTo("Rate limit exceeded, try again in " + retryAfter + " s");

            chat.message(id, "and another");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
        }
        assertThat(server.llm().requests()).hasSize(LIMIT);
        assertThat(server.column("SELECT requests::text FROM ai.usage_counters WHERE subject = ? AND window_kind = 'minute'", "user:" + user))
                .containsExactly(String.valueOf(LIMIT));
    }

    @Test
    void theNextMinuteIsANewWindow() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        server.moveClockTo(minute.plusSeconds(30));
        String user = "windows-" + UUID.randomUUID();
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("anon-limited-bot", "default");
            for (int i = 0; i < 2; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(id, "hi");
                assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            }
            chat.message(id, "hi");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");

            server.moveClockTo(minute.plusSeconds(61));
            server.llm().enqueue(Reply.text("a new minute"));
            chat.message(id, "hi");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
    }

    @Test
    void anonymousUsersAreLimitedByTheAddressATrustedProxyForwarded() {
        server.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1));
        String first = "203.0.113." + (1 + (int) (Math.random() * 250));
        String second = "198.51.100." + (1 + (int) (Math.random() * 250));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"), Map.of("X-Forwarded-For", first))) {
            String id = chat.startChat("anon-limited-bot", "default");
            for (int i = 0; i < 2; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(id, "hi");
                assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
            }
            chat.message(id, "hi");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
        }
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"), Map.of("X-Forwarded-For", "10.9.9.9, " + second))) {
            String id = chat.startChat("anon-limited-bot", "default");
            server.llm().enqueue(Reply.text("another address"));
            chat.message(id, "hi");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        assertThat(server.column("SELECT subject || '=' || requests FROM ai.usage_counters WHERE window_kind = 'minute' "
                + "AND subject IN (?, ?) ORDER BY 1", "ip:" + first, "ip:" + second))
                .containsExactlyInAnyOrder("ip:" + first + "=2", "ip:" + second + "=1");
        assertThat(server.column("SELECT client_key FROM ai.usage_ledger WHERE client_key IN (?, ?) AND user_id IS NULL GROUP BY 1",
                first, second)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void anonymousIpv6UsersAreLimitedByTheirSlash64() {
        server.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1));
        int site = 0x1000 + (int) (Math.random() * 0xe000);
        String network = "2001:db8:" + Integer.toHexString(site) + ":1";
        String neighbour = "2001:db8:" + Integer.toHexString(site) + ":2";

        assertThat(anonymousMessage(network + "::1").getString("type")).isEqualTo("done");
        assertThat(anonymousMessage(String.format("2001:0db8:%04x:0001:0000:0000:abcd:0002", site)).getString("type")).isEqualTo("done");
        assertThat(anonymousMessage(network + "::3").getString("code")).as("a third address of the same /64").isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(anonymousMessage(neighbour + "::1").getString("type")).as("the next /64").isEqualTo("done");

        String key = network + "::/64";
        String neighbourKey = neighbour + "::/64";
        assertThat(server.column("SELECT subject || '=' || requests FROM ai.usage_counters WHERE window_kind = 'minute' "
                + "AND subject IN (?, ?) ORDER BY 1", "ip:" + key, "ip:" + neighbourKey))
                .containsExactlyInAnyOrder("ip:" + key + "=2", "ip:" + neighbourKey + "=1");
        assertThat(server.column("SELECT client_key || '=' || count(*) FROM ai.usage_ledger WHERE client_key IN (?, ?) AND user_id IS NULL "
                + "GROUP BY client_key", key, neighbourKey)).containsExactlyInAnyOrder(key + "=3", neighbourKey + "=1");
    }

    /** One message of an anonymous user whom the trusted proxy forwarded as {@code address}; its last frame. */
    private JsonObject anonymousMessage(String address) {
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"), Map.of("X-Forwarded-For", address))) {
            String id = chat.startChat("anon-limited-bot", "default");
            server.llm().enqueue(Reply.text("ok"));
            chat.message(id, "hi");
            return last(chat.turn(id));
        }
    }

    @Test
    void aLimitOfZeroAllowsNoMessages() {
        try (ChatClient chat = server.chatAs("zero-" + UUID.randomUUID())) {
            String id = chat.startChat("zero-bot", "default");
            chat.message(id, "anyone?");
            JsonObject refused = last(chat.turn(id));
            assertThat(refused.getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(refused.getString("error")).startsWith("Rate limit exceeded");
            assertThat(refused.containsKey("retry_after")).isFalse();
        }
        assertThat(server.llm().requests()).isEmpty();
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
