package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns annotations into {@link ChatbotSettings}. Both spellings are accepted: the guide's bare numbers
 * and Fluxbase's suffixed ones ({@code 20/min}, {@code 100000/day}, {@code 24h}). A value out of range
 * is an error, never a silent default.
 */
final class SettingsReader {

    private static final Logger LOG = Logger.getLogger(SettingsReader.class.getName());
    private static final Pattern INTEGER_WITH_UNIT = Pattern.compile("(-?\\d+)\\s*(/\\s*[a-z]+|[a-z]+)?");
    private static final Set<String> OPERATIONS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final Map<String, String> RATE_UNITS = Map.of("/min", "per minute", "/minute", "per minute");
    private static final Map<String, String> DAY_UNITS = Map.of("/day", "per day", "/d", "per day");

    /** Below this a tool result could not even say why it was cut. */
    private static final int MIN_TOOL_RESULT_BYTES = 256;

    private final String file;
    private final Map<String, List<Annotation>> byKey;

    SettingsReader(String file, List<Annotation> annotations) {
        this.file = file;
        this.byKey = new java.util.LinkedHashMap<>();
        annotations.forEach(a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
    }

    ChatbotSettings read(String fallbackDescription, List<ToolsDeclaration.ToolName> declaredTools) throws ChatbotFileException {
        List<String> httpDomains = csv("http-allowed-domains", List.of());
        return new ChatbotSettings(
                text("description", fallbackDescription),
                tables(),
                operations(),
                csv("allowed-schemas", List.of("public")),
                csv("allowed-functions", List.of()),
                optionalInteger("max-tool-result-bytes", MIN_TOOL_RESULT_BYTES),
                integer("max-tokens", 4096, 1, Map.of()),
                decimal("temperature", "0.7", BigDecimal.ZERO, BigDecimal.valueOf(2)),
                bool("persist-conversations", false),
                ttlHours(),
                integer("max-turns", 50, 1, Map.of()),
                integer("rate-limit", 10, 0, RATE_UNITS),
                integer("daily-limit", 100, 0, DAY_UNITS),
                integer("token-budget", 50000, 0, DAY_UNITS),
                bool("allow-unauthenticated", false),
                bool("public", true),
                httpDomains,
                allCsv("knowledge-base"),
                integer("rag-max-chunks", 5, 1, Map.of()),
                decimal("rag-similarity-threshold", "0.7", BigDecimal.ZERO, BigDecimal.ONE),
                integer("max-iterations", 5, 1, Map.of()),
                text("provider", null),
                text("model", null),
                tools(declaredTools, !httpDomains.isEmpty()));
    }

    private Annotation first(String key) {
        List<Annotation> found = byKey.get(key);
        if (found == null) {
            return null;
        }
        if (found.size() > 1) {
            LOG.warning(() -> file + ":" + found.get(1).line() + ": @fluxbase:" + key + " repeated, the first one counts");
        }
        return found.get(0);
    }

    private String text(String key, String fallback) {
        Annotation annotation = first(key);
        return annotation == null || annotation.value().isEmpty() ? fallback : annotation.value();
    }

    private boolean bool(String key, boolean fallback) throws ChatbotFileException {
        Annotation annotation = first(key);
        if (annotation == null) {
            return fallback;
        }
        return switch (annotation.value().toLowerCase(Locale.ROOT)) {
            case "true", "" -> true; // a bare flag means true
            case "false" -> false;
            default -> throw error(annotation, "expected true or false, got '" + annotation.value() + "'");
        };
    }

    private int integer(String key, int fallback, int min, Map<String, String> units) throws ChatbotFileException {
        Annotation annotation = first(key);
        if (annotation == null) {
            return fallback;
        }
        Matcher matcher = INTEGER_WITH_UNIT.matcher(annotation.value().toLowerCase(Locale.ROOT).replace("_", ""));
        if (!matcher.matches() || matcher.group(2) != null && !units.containsKey(matcher.group(2).replace(" ", ""))) {
            throw error(annotation, "expected a whole number" + unitHint(units) + ", got '" + annotation.value() + "'");
        }
        return checkedInt(annotation, matcher.group(1), min);
    }

    private Integer optionalInteger(String key, int min) throws ChatbotFileException {
        return first(key) == null ? null : integer(key, 0, min, Map.of());
    }

    private int ttlHours() throws ChatbotFileException {
        Annotation annotation = first("conversation-ttl");
        if (annotation == null) {
            return 24;
        }
        Matcher matcher = INTEGER_WITH_UNIT.matcher(annotation.value().toLowerCase(Locale.ROOT));
        String unit = matcher.matches() ? String.valueOf(matcher.group(2)) : "?";
        int factor = switch (unit) {
            case "null", "h" -> 1;
            case "d" -> 24;
            default -> throw error(annotation, "expected hours such as 24 or 24h (or days such as 7d), got '" + annotation.value() + "'");
        };
        return Math.multiplyExact(checkedInt(annotation, matcher.group(1), 1), factor);
    }

    private int checkedInt(Annotation annotation, String digits, int min) throws ChatbotFileException {
        try {
            int value = Integer.parseInt(digits);
            if (value < min) {
                throw error(annotation, "must be at least " + min + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(annotation, "number too large: " + digits);
        }
    }

    private BigDecimal decimal(String key, String fallback, BigDecimal min, BigDecimal max) throws ChatbotFileException {
        Annotation annotation = first(key);
        if (annotation == null) {
            return new BigDecimal(fallback);
        }
        try {
            BigDecimal value = new BigDecimal(annotation.value());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw error(annotation, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(annotation, "expected a number, got '" + annotation.value() + "'");
        }
    }

    private List<String> csv(String key, List<String> fallback) {
        Annotation annotation = first(key);
        return annotation == null ? fallback : split(annotation.value());
    }

    /** Repeated annotations add up (knowledge bases). */
    private List<String> allCsv(String key) {
        Set<String> values = new LinkedHashSet<>();
        byKey.getOrDefault(key, List.of()).forEach(a -> values.addAll(split(a.value())));
        return List.copyOf(values);
    }

    private List<String> tables() {
        List<String> tables = csv("allowed-tables", List.of("*"));
        return tables.isEmpty() || tables.contains("*") ? List.of("*") : tables;
    }

    private List<String> operations() throws ChatbotFileException {
        Annotation annotation = first("allowed-operations");
        if (annotation == null) {
            return List.of("SELECT");
        }
        List<String> operations = split(annotation.value()).stream().map(op -> op.toUpperCase(Locale.ROOT)).distinct().toList();
        for (String operation : operations) {
            if (!OPERATIONS.contains(operation)) {
                throw error(annotation, "unknown operation '" + operation + "', expected one of SELECT, INSERT, UPDATE, DELETE");
            }
        }
        if (operations.isEmpty()) {
            throw error(annotation, "at least one operation is required");
        }
        return operations;
    }

    private List<ChatbotTool> tools(List<ToolsDeclaration.ToolName> declared, boolean hasHttpDomains) throws ChatbotFileException {
        if (declared == null) {
            return hasHttpDomains ? List.of(ChatbotTool.EXECUTE_SQL, ChatbotTool.HTTP_GET) : List.of(ChatbotTool.EXECUTE_SQL);
        }
        Set<ChatbotTool> tools = new LinkedHashSet<>();
        for (ToolsDeclaration.ToolName name : declared) {
            tools.add(ChatbotTool.byName(name.name()).orElseThrow(() -> new ChatbotFileException(file, name.line(),
                    "unknown tool '" + name.name() + "', expected one of " + Arrays.stream(ChatbotTool.values()).map(ChatbotTool::toolName).toList())));
        }
        return List.copyOf(tools);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unitHint(Map<String, String> units) {
        return units.isEmpty() ? "" : " (optionally suffixed " + String.join(" or ", units.keySet().stream().sorted().toList()) + ")";
    }

    private ChatbotFileException error(Annotation annotation, String reason) {
        return new ChatbotFileException(file, annotation.line(), "@fluxbase:" + annotation.key() + " " + reason);
    }
}
