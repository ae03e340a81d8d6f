package dev.fluxbase.ai.quotas.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily message limit and the daily token budget, across midnight UTC (the server's clock is moved
 * there), and the booking of tokens that turns spent before they failed or were cancelled.
 */
@ExtendWith(FluxbaseServer.class)
class DailyLimitsIT {

    private ServerUnderTest server;
    private LocalDate day;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
        // A day of its own in the future, so that no other test's counters share its windows.
        day = LocalDate.now(ZoneOffset.UTC).plusDays(100 + (long) (Math.random() * 10000));
    }

    @AfterEach
    void resetClock() {
        server.resetClock();
    }

    private Instant at(LocalDate date, int hour, int minute, int second) {
        return date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    @Test
    void theDailyLimitHoldsUntilMidnightUtcAndTheRolloverClosesTheDay() {
        String user = "daily-" + UUID.randomUUID();
        server.moveClockTo(at(day, 23, 58, 30));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("daily-bot", "default");
            for (int i = 0; i < 3; i++) {
                assertThat(ask(chat, id, Reply.text("fine")).getString("type")).isEqualTo("done");
            }
            chat.message(id, "a fourth");
            JsonObject refused = last(chat.turn(id));
            assertThat(refused.getString("code")).isEqualTo("DAILY_LIMIT_EXCEEDED");
            assertThat(refused.getString("error")).isEqualTo("Daily limit exceeded");
            assertThat(refused.getInt("retry_after")).isBetween(1, 120);
            assertThat(server.llm().requests()).hasSize(3);

            server.moveClockTo(at(day.plusDays(1), 0, 0, 30));
            assertThat(ask(chat, id, Reply.text("a new day")).getString("type")).isEqualTo("done");
        }
        assertThat(dayCounters(user)).containsExactly(day + "=3", day.plusDays(1) + "=1");

        JsonObject jobs = server.runJobs().getJsonObject("jobs");

        assertThat(jobs.getInt("daily-rollover")).isPositive();
        assertThat(dayCounters(user)).containsExactly(day.plusDays(1) + "=1");
    }

    @Test
    void theTokenBudgetCountsRealUsageAndRollsOverAtMidnight() {
        String user = "budget-" + UUID.randomUUID();
        server.moveClockTo(at(day, 12, 0, 0));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("budget-bot", "default");
            JsonObject first = ask(chat, id, Reply.text("a long answer").usage(60, 30));
            assertThat(first.getJsonObject("usage").getInt("total_tokens")).isEqualTo(90);
            assertThat(tokens(user)).containsExactly("90");
            // 90 of 100 used: the next message is admitted and may overshoot the budget.
            assertThat(ask(chat, id, Reply.text("more").usage(10, 5)).getString("type")).isEqualTo("done");
            assertThat(tokens(user)).containsExactly("105");

            chat.message(id, "and more");
            JsonObject refused = last(chat.turn(id));
            assertThat(refused.getString("code")).isEqualTo("TOKEN_BUDGET_EXCEEDED");
            assertThat(refused.getString("error")).isEqualTo("Token budget exceeded");
            assertThat(refused.getInt("retry_after")).isBetween(12 * 3600 - 120, 12 * 3600);
            assertThat(server.llm().requests()).hasSize(2);

            server.moveClockTo(at(day.plusDays(1), 0, 0, 5));
            assertThat(ask(chat, id, Reply.text("budget renewed").usage(1, 1)).getString("type")).isEqualTo("done");
        }
    }

    @Test
    void tokensSpentBeforeAStreamBrokeAreBooked() {
        String user = "broken-" + UUID.randomUUID();
        server.moveClockTo(at(day, 9, 0, 0));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("budget-bot", "default");
            server.llm().enqueue(Reply.toolCall("lookup", "{}").usage(40, 2),
                    Reply.text("partial ", "answer ", "lost").usage(500, 500).disconnectAfter(1));
            chat.message(id, "Tell me");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames).anySatisfy(f -> assertThat(f.getString("delta", "")).isEqualTo("partial "));
            assertThat(last(frames).getString("code")).isEqualTo("STREAM_ERROR");
        }
        // The broken stream never reported its usage; what the first call reported is what is known.
        assertThat(server.column("SELECT outcome || '|' || error_code || '|' || prompt_tokens || '|' || completion_tokens || '|' "
                + "|| provider_name || '|' || model FROM ai.usage_ledger WHERE user_id = ?", user))
                .containsExactly("error|STREAM_ERROR|40|2|config|" + FluxbaseServer.LLM_MODEL);
        assertThat(tokens(user)).containsExactly("42");
    }

    @Test
    void tokensSpentBeforeACancelAreBooked() {
        String user = "cancel-" + UUID.randomUUID();
        server.moveClockTo(at(day, 9, 0, 0));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("budget-bot", "default");
            server.llm().enqueue(Reply.toolCall("lookup", "{}").usage(30, 3),
                    Reply.text("first ", "never sent").usage(500, 500).stallAfter(1));
            chat.message(id, "Talk, then fall silent");
            chat.until(f -> "content".equals(f.getString("type")));
            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", id).build());
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("cancelled");
        }
        assertThat(server.column("SELECT outcome || '|' || prompt_tokens || '|' || completion_tokens FROM ai.usage_ledger WHERE user_id = ?", user))
                .containsExactly("cancelled|30|3");
        assertThat(tokens(user)).containsExactly("33");
    }

    private JsonObject ask(ChatClient chat, String id, Reply reply) {
        server.llm().enqueue(reply);
        chat.message(id, "question");
        return last(chat.turn(id));
    }

    private List<String> dayCounters(String user) {
        return server.column("SELECT to_char(window_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '=' || requests FROM ai.usage_counters "
                + "WHERE subject = ? AND window_kind = 'day' ORDER BY window_start", "user:" + user);
    }

    private List<String> tokens(String user) {
        return server.column("SELECT tokens::text FROM ai.usage_counters WHERE subject = ? AND window_kind = 'day'", "user:" + user);
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
