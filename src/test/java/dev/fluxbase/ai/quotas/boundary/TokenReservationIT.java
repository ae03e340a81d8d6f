package dev.fluxbase.ai.quotas.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token budget under parallel turns: each running turn reserves its chatbot's {@code max-tokens}
 * (reservation-bot: 100 of a 1000-token budget) until it is booked, whatever its outcome. Where the fake
 * provider holds its answers (until every message was admitted or refused, so that all are decided
 * against the same booked tokens), the turns run on an instance that waits a minute for a first token:
 * the run's two seconds can pass on a busy machine before the last message is decided.
 */
@ExtendWith(FluxbaseServer.class)
class TokenReservationIT {

    private static final String CHATBOT = "reservation-bot";
    private static final int BUDGET = 1000;
    private static final int RESERVATION = 100;
    private static final int MESSAGES = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static DisposableInstance patientInstance;

    private ServerUnderTest server;
    private ServerUnderTest patient;
    private String user;
    private LocalDate day;

    @BeforeAll
    static void startPatientInstance(ServerUnderTest server) {
        patientInstance = server.startDisposableInstance(Map.of("FLUXBASE_AI_PROVIDER_FIRST_TOKEN_TIMEOUT_MS", "60000",
                "FLUXBASE_AI_PROVIDER_IDLE_TIMEOUT_MS", "60000"));
    }

    @AfterAll
    static void stopPatientInstance() {
        if (patientInstance != null) {
            patientInstance.close();
        }
    }

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        this.patient = patientInstance.server();
        server.llm().reset();
        user = "reservation-" + UUID.randomUUID();
        // Noon of a day of its own in the future: no midnight comes between admission and booking by chance.
        day = LocalDate.now(ZoneOffset.UTC).plusDays(100 + (long) (Math.random() * 10000));
        server.moveClockTo(at(day, 12, 0, 0));
        patient.moveOwnClockTo(at(day, 12, 0, 0));
    }

    @AfterEach
    void releaseAndResetClock() {
        server.llm().releaseHeld();
        server.resetClock();
    }

    @Test
    void twentyParallelTurnsOfOneUserStayWithinTheBudgetAndReleaseTheirReservations() throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            server.llm().enqueue(Reply.text("held answer").usage(60, 30).held());
        }

        List<JsonObject> endings = Burst.send(List.of(patient), user, CHATBOT, 4, MESSAGES / 4, () -> {
            Eventually.await("every message admitted (its provider call held) or refused", WAIT,
                    () -> server.llm().heldReplies() + refused() == MESSAGES);
            // Decided while nothing was booked: only the reservations can have refused anyone.
            assertThat(server.llm().heldReplies()).isEqualTo(BUDGET / RESERVATION);
            assertThat(dayCounter()).isEqualTo("tokens=0 reserved=" + BUDGET);
            assertThat(report()).as("reservations are not usage").isEqualTo("requests=0 refused=10 total=0");
            server.llm().releaseHeld();
        });

        assertThat(Burst.count(endings, "done")).isEqualTo(BUDGET / RESERVATION);
        assertThat(Burst.count(endings, "TOKEN_BUDGET_EXCEEDED")).isEqualTo(MESSAGES - BUDGET / RESERVATION);
        assertThat(server.llm().requests()).hasSize(BUDGET / RESERVATION);
        assertThat(dayCounter()).isEqualTo("tokens=900 reserved=0");
        assertThat(report()).isEqualTo("requests=10 refused=10 total=900");

        // Booked tokens below the budget still admit a message; its prompt is not bounded by max-tokens.
        server.llm().reset(); // the refused messages' replies are left over
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(CHATBOT, "default");
            assertThat(ask(chat, id, Reply.text("one more").usage(100, 50)).getString("type")).isEqualTo("done");
            assertThat(ask(chat, id, null).getString("code")).isEqualTo("TOKEN_BUDGET_EXCEEDED");
        }
        assertThat(dayCounter()).isEqualTo("tokens=1050 reserved=0");
    }

    @Test
    void aTurnTheProviderFailsReleasesItsReservation() {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(CHATBOT, "default");
            // Nothing scripted: every attempt, the fallback's too, gets a 500.
            JsonObject failed = ask(chat, id, null);
            assertThat(failed.getString("type")).isEqualTo("error");
            assertThat(failed.getString("code")).isNotEqualTo("TOKEN_BUDGET_EXCEEDED");
        }
        assertThat(server.llm().requests()).isNotEmpty();
        assertThat(server.column("SELECT outcome FROM ai.usage_ledger WHERE user_id = ?", user)).containsExactly("error");
        assertThat(dayCounter()).isEqualTo("tokens=0 reserved=0");
    }

    @Test
    void aCancelledTurnReleasesItsReservationAndBooksWhatItSpent() {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(CHATBOT, "default");
            server.llm().enqueue(Reply.toolCall("lookup", "{}").usage(30, 3), Reply.text("first ", "never sent").stallAfter(1));
            chat.message(id, "Talk, then fall silent");
            chat.until(f -> "content".equals(f.getString("type")));
            assertThat(dayCounter()).isEqualTo("tokens=0 reserved=" + RESERVATION);
            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", id).build());
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("cancelled");
        }
        assertThat(dayCounter()).isEqualTo("tokens=33 reserved=0");
    }

    @Test
    void aTurnCrossingMidnightIsBookedAndReleasedOnTheDayItWasAdmitted() {
        patient.moveOwnClockTo(at(day, 23, 59, 50));
        try (ChatClient chat = patient.chatAs(user)) {
            String id = chat.startChat(CHATBOT, "default");
            server.llm().enqueue(Reply.text("late answer").usage(60, 30).held());
            chat.message(id, "Still up?");
            server.llm().awaitHeldReplies(1, WAIT);
            patient.moveOwnClockTo(at(day.plusDays(1), 0, 0, 10));
            server.llm().releaseHeld();
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        assertThat(server.column("SELECT to_char(window_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' tokens=' || tokens || ' reserved=' || reserved "
                + "FROM ai.usage_counters WHERE subject = ? AND window_kind = 'day'", "user:" + user))
                .containsExactly(day + " tokens=90 reserved=0");
        assertThat(server.column("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM ai.usage_ledger WHERE user_id = ?", user))
                .as("the turn ended the next day").containsExactly(day.plusDays(1).toString());
    }

    private JsonObject ask(ChatClient chat, String id, Reply reply) {
        if (reply != null) {
            server.llm().enqueue(reply);
        }
        chat.message(id, "question");
        return last(chat.turn(id));
    }

    private long refused() {
        return Long.parseLong(server.column("SELECT count(*)::text FROM ai.usage_ledger WHERE user_id = ? AND outcome = 'refused'", user).get(0));
    }

    private String dayCounter() {
        List<String> rows = server.column("SELECT 'tokens=' || tokens || ' reserved=' || reserved FROM ai.usage_counters "
                + "WHERE subject = ? AND window_kind = 'day'", "user:" + user);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private String report() {
        ApiResponse response = server.get("/api/v1/admin/ai/usage?user_id=" + user, server.serviceKey());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject totals = response.json().getJsonObject("totals");
        return "requests=" + totals.getInt("requests") + " refused=" + totals.getInt("refused") + " total=" + totals.getInt("total_tokens");
    }

    private static Instant at(LocalDate date, int hour, int minute, int second) {
        return date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
