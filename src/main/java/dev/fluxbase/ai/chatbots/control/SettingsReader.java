package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.AnswerStyle;
import dev.fluxbase.ai.chatbots.entity.Audience;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.chatbots.entity.ConversationPolicy;
import dev.fluxbase.ai.chatbots.entity.IntentRule;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import dev.fluxbase.ai.chatbots.entity.ModelChoice;
import dev.fluxbase.ai.chatbots.entity.QueryRules;
import dev.fluxbase.ai.chatbots.entity.RequiredSettings;
import dev.fluxbase.ai.chatbots.entity.Retrieval;
import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import dev.fluxbase.ai.chatbots.entity.ToolUse;
import dev.fluxbase.ai.chatbots.entity.TtlText;
import dev.fluxbase.ai.chatbots.entity.UsageLimits;
import dev.fluxbase.ai.chatbots.entity.WebAccess;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns annotations into {@link ChatbotSettings}. Both spellings are accepted: the guide's bare numbers
 * and Fluxbase's suffixed ones ({@code 20/min}, {@code 100000/day}, {@code 24h}). A value out of range
 * (each part of the settings knows its ranges and defaults) is an error, never a silent default.
 */
final class SettingsReader {

    private static final Pattern INTEGER_WITH_UNIT = Pattern.compile("(-?\\d+)\\s*(/\\s*[a-z]+|[a-z]+)?");
    private static final Map<String, String> RATE_UNITS = Map.of("/min", "per minute", "/minute", "per minute");
    private static final Map<String, String> DAY_UNITS = Map.of("/day", "per day", "/d", "per day");
    private static final Pattern REQUIRED_COLUMNS = Pattern.compile("([\\w.]+)\\s*=\\s*([\\w.]+(?:\\s*,\\s*[\\w.]+)*)");
    private static final Set<String> DDL = Set.of("CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE");

    private final String file;
    private final Map<String, List<Annotation>> byKey;
    private final Set<String> readKeys = new HashSet<>();
    private final List<LoadWarning> warnings = new ArrayList<>();

    SettingsReader(String file, List<Annotation> annotations) {
        this.file = file;
        this.byKey = new LinkedHashMap<>();
        annotations.forEach(a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
    }

    /** Each part starts from its defaults; an annotation replaces one value, which the part checks. */
    ChatbotSettings read(String fallbackDescription, List<ToolsDeclaration.ToolName> declaredTools) throws ChatbotFileException {
        WebAccess web = read(WebAccess.defaults(), "http-allowed-domains", this::csv, WebAccess::withAllowedDomains);
        SqlAccess sql = sqlAccess();
        ToolUse tools = toolUse(declaredTools, web, sql);
        return ChatbotSettings.builder()
                .description(text("description", fallbackDescription))
                .modelChoice(modelChoice())
                .sqlAccess(sql)
                .webAccess(web)
                .toolUse(tools)
                .conversations(conversations())
                .limits(limits())
                .retrieval(retrieval())
                .audience(audience())
                .queryRules(queryRules())
                .answerStyle(answerStyle(tools.tools().contains(ChatbotTool.THINK)))
                .requiredSettings(read(RequiredSettings.defaults(), "required-settings", this::csv, RequiredSettings::withKeys))
                .fileVersion(fileVersion())
                .build();
    }

    private ModelChoice modelChoice() throws ChatbotFileException {
        ModelChoice model = read(ModelChoice.defaults(), "provider", this::text, ModelChoice::withProvider);
        model = read(model, "model", this::text, ModelChoice::withModel);
        model = read(model, "temperature", this::decimal, ModelChoice::withTemperature);
        return read(model, "max-tokens", this::wholeNumber, ModelChoice::withMaxTokens);
    }

    private SqlAccess sqlAccess() throws ChatbotFileException {
        SqlAccess sql = read(SqlAccess.defaults(), "allowed-tables", this::csv, SqlAccess::withAllowedTables);
        sql = read(sql, "allowed-operations", this::operations, SqlAccess::withAllowedOperations);
        sql = read(sql, "allowed-schemas", this::csv, SqlAccess::withAllowedSchemas);
        sql = read(sql, "allowed-functions", this::csv, SqlAccess::withAllowedFunctions);
        return read(sql, "sensitive-columns", this::csv, SqlAccess::withSensitiveColumns);
    }

    private ToolUse toolUse(List<ToolsDeclaration.ToolName> declaredTools, WebAccess web, SqlAccess sql) throws ChatbotFileException {
        ToolChoice choice = new ToolChoice(file, warnings);
        choice.declared(declaredTools);
        choice.fluxbaseMcpTools(first("mcp-tools"));
        ToolUse use = ToolUse.defaults().withTools(choice.builtIns(!web.isEmpty(), sql))
                .withMcpServers(allCsv("mcp-servers"));
        use = use.withCustomTools(choice.custom(!use.mcpServers().isEmpty()));
        use = read(use, "max-iterations", this::wholeNumber, ToolUse::withMaxIterations);
        use = read(use, "max-tool-result-bytes", this::wholeNumber, ToolUse::withMaxResultBytes);
        use = read(use, "disable-execution-logs", this::bool, (u, disabled) -> u.withExecutionLogs(!disabled));
        return read(use, "confirm-writes", this::bool, ToolUse::withConfirmWrites);
    }

    private QueryRules queryRules() throws ChatbotFileException {
        QueryRules rules = QueryRules.defaults().withIntentRules(intentRules()).withRequiredColumns(requiredColumns());
        return read(rules, "default-table", this::text, QueryRules::withDefaultTable);
    }

    /**
     * Reasoning takes effect through the {@code think} tool (Fluxbase's {@code @fluxbase:mcp-tools think}); a chatbot
     * without that tool reasons as with {@code none}, here as in Fluxbase, and is told so.
     */
    private AnswerStyle answerStyle(boolean thinks) throws ChatbotFileException {
        AnswerStyle style = read(AnswerStyle.defaults(), "response-language", this::text, AnswerStyle::withResponseLanguage);
        style = read(style, "reasoning-mode", this::text, AnswerStyle::withReasoningMode);
        style = read(style, "show-reasoning", this::bool, AnswerStyle::withShowReasoning);
        if (style.thinksFirst() && !thinks) {
            warnWithoutThinkTool("reasoning-mode");
        }
        if (style.showReasoning() && !thinks) {
            warnWithoutThinkTool("show-reasoning");
        }
        return style;
    }

    private void warnWithoutThinkTool(String key) {
        warnings.add(new LoadWarning(file, byKey.get(key).get(0).line(), "@fluxbase:" + key
                + " takes effect with the think tool (Fluxbase's @fluxbase:mcp-tools think), which this chatbot does not have: no effect"));
    }

    private int fileVersion() throws ChatbotFileException {
        Annotation version = first("version");
        if (version == null) {
            return 1;
        }
        int value = wholeNumber(version);
        if (value < 1) {
            throw error(version, "must be at least 1, got " + value);
        }
        return value;
    }

    /** Fluxbase merges every {@code @fluxbase:intent-rules} array; each rule is checked here, not dropped when wrong. */
    private List<IntentRule> intentRules() throws ChatbotFileException {
        readKeys.add("intent-rules");
        List<IntentRule> rules = new ArrayList<>();
        for (Annotation annotation : byKey.getOrDefault("intent-rules", List.of())) {
            rules.addAll(IntentRulesText.parse(annotation.value(), reason -> error(annotation, reason)));
        }
        return rules;
    }

    /** {@code table=col,col table2=col}; repeated annotations add tables. */
    private Map<String, List<String>> requiredColumns() throws ChatbotFileException {
        readKeys.add("required-columns");
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Annotation annotation : byKey.getOrDefault("required-columns", List.of())) {
            String rest = REQUIRED_COLUMNS.matcher(annotation.value()).replaceAll(match -> {
                columns.put(match.group(1), split(match.group(2)));
                return "";
            });
            if (!rest.isBlank() || columns.isEmpty()) {
                throw error(annotation, "expected table=column,column (tables separated by spaces), got '" + annotation.value() + "'");
            }
        }
        return columns;
    }

    /**
     * The DML operations of the list. Fluxbase would also let a chatbot run the DDL it names (CREATE, DROP, ALTER,
     * TRUNCATE, GRANT); this server never runs DDL from a chatbot, which only narrows the chatbot, so those are warnings.
     */
    private List<String> operations(Annotation annotation) {
        List<String> operations = new ArrayList<>();
        for (String operation : split(annotation.value())) {
            String upper = operation.toUpperCase(Locale.ROOT);
            if (SqlAccess.OPERATIONS.contains(upper)) {
                operations.add(upper);
            } else {
                warnings.add(new LoadWarning(file, annotation.line(), "@fluxbase:allowed-operations " + upper + (DDL.contains(upper)
                        ? " is never run by this server (only " + String.join(", ", SqlAccess.OPERATIONS) + "), ignored"
                        : " is not an operation, ignored")));
            }
        }
        return operations;
    }

    private ConversationPolicy conversations() throws ChatbotFileException {
        ConversationPolicy policy = read(ConversationPolicy.defaults(), "persist-conversations", this::bool, ConversationPolicy::withPersist);
        policy = read(policy, "conversation-ttl", this::ttl, ConversationPolicy::withTtl);
        return read(policy, "max-turns", this::wholeNumber, ConversationPolicy::withMaxTurns);
    }

    private UsageLimits limits() throws ChatbotFileException {
        UsageLimits limits = read(UsageLimits.defaults(), "rate-limit", a -> integer(a, RATE_UNITS), UsageLimits::withPerMinute);
        limits = read(limits, "daily-limit", a -> integer(a, DAY_UNITS), UsageLimits::withPerDay);
        return read(limits, "token-budget", a -> integer(a, DAY_UNITS), UsageLimits::withTokensPerDay);
    }

    private Retrieval retrieval() throws ChatbotFileException {
        Retrieval retrieval = Retrieval.defaults().withKnowledgeBases(allCsv("knowledge-base"));
        retrieval = read(retrieval, "rag-max-chunks", this::wholeNumber, Retrieval::withMaxChunks);
        return read(retrieval, "rag-similarity-threshold", this::decimal, Retrieval::withSimilarityThreshold);
    }

    private Audience audience() throws ChatbotFileException {
        Audience audience = read(Audience.defaults(), "allow-unauthenticated", this::bool, Audience::withAllowUnauthenticated);
        audience = read(audience, "public", this::bool, Audience::withPublic);
        audience = read(audience, "require-roles", this::csv, Audience::withRequireRoles);
        return read(audience, "require-role", this::csv, Audience::withRequireRoles);
    }

    /** What reads an annotation's value; its errors name the annotation. */
    @FunctionalInterface
    private interface ValueReader<T> {
        T read(Annotation annotation) throws ChatbotFileException;
    }

    /**
     * {@code part} with the value of the annotation {@code key} applied, or unchanged when there is none.
     * A value the part refuses (out of range) is an error on the annotation's line.
     */
    private <P, T> P read(P part, String key, ValueReader<T> reader, BiFunction<P, T, P> apply) throws ChatbotFileException {
        Annotation annotation = first(key);
        if (annotation == null) {
            return part;
        }
        T value = reader.read(annotation);
        try {
            return apply.apply(part, value);
        } catch (IllegalArgumentException e) {
            throw error(annotation, e.getMessage());
        }
    }

    /** The annotations no part of the settings asked for. */
    List<Annotation> unread() {
        return byKey.entrySet().stream().filter(entry -> !readKeys.contains(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()).toList();
    }

    /** Annotations read in part: repetitions of one that counts once. */
    List<LoadWarning> warnings() {
        return List.copyOf(warnings);
    }

    private Annotation first(String key) {
        readKeys.add(key);
        List<Annotation> found = byKey.get(key);
        if (found == null) {
            return null;
        }
        found.stream().skip(1).forEach(repeated -> warnings.add(new LoadWarning(file, repeated.line(),
                "@fluxbase:" + key + " repeated, only the first one (line " + found.get(0).line() + ") counts")));
        return found.get(0);
    }

    private String text(String key, String fallback) {
        Annotation annotation = first(key);
        return annotation == null || annotation.value().isEmpty() ? fallback : annotation.value();
    }

    /** Empty is null: the default applies. */
    private String text(Annotation annotation) {
        return annotation.value().isEmpty() ? null : annotation.value();
    }

    private boolean bool(Annotation annotation) throws ChatbotFileException {
        return switch (annotation.value().toLowerCase(Locale.ROOT)) {
            case "true", "" -> true; // a bare flag means true
            case "false" -> false;
            default -> throw error(annotation, "expected true or false, got '" + annotation.value() + "'");
        };
    }

    private int wholeNumber(Annotation annotation) throws ChatbotFileException {
        return integer(annotation, Map.of());
    }

    private int integer(Annotation annotation, Map<String, String> units) throws ChatbotFileException {
        Matcher matcher = INTEGER_WITH_UNIT.matcher(annotation.value().toLowerCase(Locale.ROOT).replace("_", ""));
        if (!matcher.matches() || matcher.group(2) != null && !units.containsKey(matcher.group(2).replace(" ", ""))) {
            throw error(annotation, "expected a whole number" + unitHint(units) + ", got '" + annotation.value() + "'");
        }
        return parseInt(annotation, matcher.group(1));
    }

    private Duration ttl(Annotation annotation) throws ChatbotFileException {
        try {
            return TtlText.parse(annotation.value());
        } catch (IllegalArgumentException e) {
            throw error(annotation, e.getMessage());
        }
    }

    private int parseInt(Annotation annotation, String digits) throws ChatbotFileException {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(annotation, "number too large: " + digits);
        }
    }

    private BigDecimal decimal(Annotation annotation) throws ChatbotFileException {
        try {
            return new BigDecimal(annotation.value());
        } catch (NumberFormatException e) {
            throw error(annotation, "expected a number, got '" + annotation.value() + "'");
        }
    }

    private List<String> csv(Annotation annotation) {
        return split(annotation.value());
    }

    /** Repeated annotations add up (knowledge bases). */
    private List<String> allCsv(String key) {
        readKeys.add(key);
        Set<String> values = new LinkedHashSet<>();
        byKey.getOrDefault(key, List.of()).forEach(a -> values.addAll(split(a.value())));
        return List.copyOf(values);
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
