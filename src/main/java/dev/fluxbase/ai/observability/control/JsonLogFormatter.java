package dev.fluxbase.ai.observability.control;

import dev.fluxbase.ai.platform.entity.JsonStrings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code timestamp} (UTC, ISO-8601), {@code level}, {@code logger},
 * {@code thread}, {@code message}, {@code thrown} (the stack trace, when there is one) and, within a chat
 * turn, {@code turn_id}, {@code conversation_id} and {@code chatbot} ({@link TurnLogContext}). The message
 * and the stack trace pass {@link LogRedaction}. Written by hand, without a JSON library: the server's log
 * handler calls it from any thread and class loader, and it must never fail.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "timestamp", DateTimeFormatter.ISO_INSTANT.format(record.getInstant()));
        field(json, "level", record.getLevel().getName());
        field(json, "logger", record.getLoggerName());
        field(json, "thread", Thread.currentThread().getName());
        field(json, "message", LogRedaction.apply(formatMessage(record)));
        if (record.getThrown() != null) {
            field(json, "thrown", LogRedaction.apply(stackTrace(record.getThrown())));
        }
        TurnLogContext.Turn turn = TurnLogContext.current();
        if (turn != null) {
            field(json, "turn_id", turn.turnId());
            field(json, "conversation_id", turn.conversationId());
            field(json, "chatbot", turn.chatbot());
        }
        return json.append("}").append(System.lineSeparator()).toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        JsonStrings.quote(json, name);
        json.append(':');
        JsonStrings.quote(json, value);
    }
}
