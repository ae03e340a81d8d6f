package dev.fluxbase.ai.quotas.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin usage report: totals by day, chatbot and user, filters, and who may read it. */
@ExtendWith(FluxbaseServer.class)
class AdminUsageIT {

    private static final String USAGE = "/api/v1/admin/ai/usage";

    private ServerUnderTest server;
    private String user;
    private LocalDate day;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
        user = "usage-" + UUID.randomUUID();
        day = LocalDate.now(ZoneOffset.UTC).plusDays(200 + (long) (Math.random() * 10000));
    }

    @AfterEach
    void resetClock() {
        server.resetClock();
    }

    @Test
    void sumsTurnsAndTokensByDayChatbotAndUser() {
        server.moveClockTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        chat("load-bot", Reply.text("one").usage(11, 1));
        chat("zero-bot", (Reply) null);
        server.moveClockTo(day.plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC));
        chat("load-bot", Reply.text("two").usage(20, 2), Reply.text("three").usage(30, 3));

        JsonObject byDay = usage("?user_id=" + user + "&group_by=day");
        assertThat(byDay.getString("group_by")).isEqualTo("day");
        assertThat(totals(byDay.getJsonObject("totals"))).isEqualTo("requests=3 refused=1 prompt=61 completion=6 total=67");
        assertThat(byDay.getJsonArray("groups").getValuesAs(JsonObject.class)).extracting(g -> g.getString("day") + " " + totals(g))
                .containsExactly(day + " requests=1 refused=1 prompt=11 completion=1 total=12",
                        day.plusDays(1) + " requests=2 refused=0 prompt=50 completion=5 total=55");

        JsonObject byChatbot = usage("?user_id=" + user + "&group_by=chatbot");
        assertThat(byChatbot.getJsonArray("groups").getValuesAs(JsonObject.class)).extracting(g -> g.getString("chatbot") + " " + totals(g))
                .containsExactly("load-bot requests=3 refused=0 prompt=61 completion=6 total=67",
                        "zero-bot requests=0 refused=1 prompt=0 completion=0 total=0");
        assertThat(byChatbot.getJsonArray("groups").getJsonObject(0).getString("chatbot_id")).isEqualTo(chatbotId("load-bot"));

        JsonObject byUser = usage("?chatbot_id=" + chatbotId("zero-bot") + "&group_by=user&from=" + day + "&to=" + day);
        assertThat(byUser.getJsonArray("groups").getValuesAs(JsonObject.class)).extracting(g -> g.getString("user_id") + " " + totals(g))
                .containsExactly(user + " requests=0 refused=1 prompt=0 completion=0 total=0");

        assertThat(totals(usage("?user_id=" + user + "&from=" + day.plusDays(1)).getJsonObject("totals")))
                .isEqualTo("requests=2 refused=0 prompt=50 completion=5 total=55");
        assertThat(totals(usage("?user_id=" + user + "&to=" + day).getJsonObject("totals")))
                .isEqualTo("requests=1 refused=1 prompt=11 completion=1 total=12");
        assertThat(totals(usage("?user_id=" + user + "&from=" + day.atTime(10, 0).toInstant(ZoneOffset.UTC).plusSeconds(3600)
                + "&to=" + day.plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC)).getJsonObject("totals")))
                .isEqualTo("requests=0 refused=0 prompt=0 completion=0 total=0");
    }

    @Test
    void onlyAdminsMayReadIt() {
        assertThat(server.get(USAGE, null).status()).isEqualTo(401);
        assertThat(server.get(USAGE, server.tokens().userToken("curious")).status()).isEqualTo(403);
        assertThat(server.get(USAGE, server.serviceKey()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?group_by=week", "?from=yesterday", "?to=2026-13-01", "?chatbot_id=not-a-uuid"})
    void badParametersAreBadRequests(String query) {
        ApiResponse response = server.get(USAGE + query, server.serviceKey());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().getString("code")).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void theTestingHooksNeedAnAdmin() {
        assertThat(server.call("POST", "/api/v1/admin/ai/testing/run-jobs", server.tokens().userToken("curious"), null).status()).isEqualTo(403);
        assertThat(server.call("PUT", "/api/v1/admin/ai/testing/clock", server.serviceKey(), "{\"offset_seconds\":\"soon\"}").status())
                .isEqualTo(400);
    }

    /** Each reply is one message; null: a message that is refused. */
    private void chat(String chatbot, Reply... replies) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, "default");
            for (Reply reply : replies) {
                if (reply != null) {
                    server.llm().enqueue(reply);
                }
                chat.message(id, "question");
                List<JsonObject> frames = chat.turn(id);
                assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo(reply == null ? "error" : "done");
            }
        }
    }

    private JsonObject usage(String query) {
        ApiResponse response = server.get(USAGE + query, server.serviceKey());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String chatbotId(String name) {
        return server.column("SELECT id FROM ai.chatbots WHERE namespace = 'default' AND name = ?", name).get(0);
    }

    private static String totals(JsonObject t) {
        return "requests=" + t.getInt("requests") + " refused=" + t.getInt("refused") + " prompt=" + t.getInt("prompt_tokens")
                + " completion=" + t.getInt("completion_tokens") + " total=" + t.getInt("total_tokens");
    }
}
