package dev.fluxbase.ai.observability.control;

import java.util.regex.Pattern;

/**
 * A last line of defence for log text: bearer tokens, JWTs and values of parameters named like secrets
 * are replaced, should any code ever log one. Nothing here relies on it; it only limits the damage.
 */
public final class LogRedaction {

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)\\b((?:api[_-]?key|access[_-]?token|token|password|secret|client[_-]?secret)\\s*[=:]\\s*\"?)([^\\s\"&,;]+)");

    private LogRedaction() {
    }

    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = JWT.matcher(text).replaceAll("[redacted]");
        redacted = BEARER.matcher(redacted).replaceAll("$1[redacted]");
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1[redacted]");
    }
}
