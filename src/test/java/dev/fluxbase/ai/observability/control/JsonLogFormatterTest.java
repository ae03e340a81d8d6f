package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @AfterEach
    void leaveTheTurn() {
        TurnLogContext.leave();
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("dev.fluxbase.ai.chat.control.ChatTurn");
        record.setInstant(Instant.parse("2026-03-01T12:34:56.789Z"));
        record.setParameters(parameters);
        return record;
    }

    private JsonObject parse(String line) {
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        return Json.createReader(new StringReader(line)).readObject();
    }

    @Test
    void aLineIsOneJsonObjectWithTheRecordsFields() {
        JsonObject line = parse(formatter.format(record(Level.WARNING, "Turn {0} failed: \"{1}\"\n\tdetails", "t-1", "quote")));

        assertThat(line.getString("timestamp")).isEqualTo("2026-03-01T12:34:56.789Z");
        assertThat(line.getString("level")).isEqualTo("WARNING");
        assertThat(line.getString("logger")).isEqualTo("dev.fluxbase.ai.chat.control.ChatTurn");
        assertThat(line.getString("message")).isEqualTo("Turn t-1 failed: \"quote\"\n\tdetails");
        assertThat(line.getString("thread")).isNotBlank();
        assertThat(line).doesNotContainKeys("thrown", "turn_id", "conversation_id");
    }

    @Test
    void withinATurnTheLineCarriesItsIds() {
        TurnLogContext.enter("0a1b2c3d", "c-42", "sql-bot");

        JsonObject line = parse(formatter.format(record(Level.INFO, "hello")));

        assertThat(line.getString("turn_id")).isEqualTo("0a1b2c3d");
        assertThat(line.getString("conversation_id")).isEqualTo("c-42");
        assertThat(line.getString("chatbot")).isEqualTo("sql-bot");
        TurnLogContext.leave();
        assertThat(parse(formatter.format(record(Level.INFO, "after")))).doesNotContainKey("turn_id");
    }

    @Test
    void aThrowableIsItsStackTraceAndControlCharactersAreEscaped() {
        LogRecord record = record(Level.SEVERE, "broken \u0001 text");
        record.setThrown(new IllegalStateException("boom"));

        JsonObject line = parse(formatter.format(record));

        assertThat(line.getString("message")).isEqualTo("broken \u0001 text");
        assertThat(line.getString("thrown")).startsWith(IllegalStateException.class.getName() + ": boom").contains("\tat ");
    }

    @Test
    void secretsThatReachAMessageAreRedacted() {
        JsonObject line = parse(formatter.format(record(Level.INFO, "calling with Authorization: Bearer sk-abcdefghijklmnop")));

        assertThat(line.getString("message")).isEqualTo("calling with Authorization: Bearer [redacted]");
    }
}
