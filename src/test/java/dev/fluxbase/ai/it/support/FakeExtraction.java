package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Scripts the fake provider's answers to the server's entity-extraction requests (those with the extraction
 * response schema, or its system prompt when sent without one), leaving every other chat request to the queue:
 * install {@link #responder} with {@link FakeLlmServer#respondWith}. Every answer reports {@link #PROMPT_TOKENS}
 * and {@link #COMPLETION_TOKENS}, so that tests can check what the ledger booked.
 *
 * <p>{@link #capitalisedNames} is a deterministic stand-in for a model, for measurements: the capitalised
 * multi-word names of a chunk as concepts, each related to the next by {@code mentioned_with}.
 */
public final class FakeExtraction {

    public static final int PROMPT_TOKENS = 120;
    public static final int COMPLETION_TOKENS = 30;
    private static final String SCHEMA_NAME = "knowledge_graph_extraction";
    private static final String PROMPT_START = "You extract a knowledge graph";
    // Capitalised only because a sentence starts with them: not part of a name.
    private static final Set<String> SENTENCE_STARTS = Set.of("the", "a", "an", "this", "that", "these", "those", "tell", "by", "if",
            "in", "on", "at", "for", "from", "our", "your", "we", "you", "it", "please", "each", "every", "all", "when", "with");

    private FakeExtraction() {
    }

    /** Answers extraction requests with {@code answer} of the chunk text (JSON text, or anything to test bad answers). */
    public static Function<JsonObject, Reply> responder(Function<String, String> answer) {
        return request -> isExtraction(request) ? Reply.text(answer.apply(chunk(request))).usage(PROMPT_TOKENS, COMPLETION_TOKENS) : null;
    }

    public static boolean isExtraction(JsonObject request) {
        JsonObject format = request.getJsonObject("response_format");
        if (format != null && format.containsKey("json_schema")) {
            return SCHEMA_NAME.equals(format.getJsonObject("json_schema").getString("name", ""));
        }
        return message(request, "system").startsWith(PROMPT_START);
    }

    /** The chunk the request asks about: its user message. */
    public static String chunk(JsonObject request) {
        return message(request, "user");
    }

    /** An answer with these entities ({@code name, type} pairs) and no relationships. */
    public static String entities(String... nameTypePairs) {
        JsonArrayBuilder entities = Json.createArrayBuilder();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            entities.add(entity(nameTypePairs[i], nameTypePairs[i + 1]));
        }
        return Json.createObjectBuilder().add("entities", entities).add("relationships", Json.createArrayBuilder()).build().toString();
    }

    public static JsonObject entity(String name, String type, String... aliases) {
        return Json.createObjectBuilder().add("name", name).add("type", type).add("aliases", Json.createArrayBuilder(List.of(aliases))).build();
    }

    public static JsonObject relationship(String source, String target, String type, double confidence) {
        return Json.createObjectBuilder().add("source", source).add("target", target).add("type", type).add("confidence", confidence).build();
    }

    public static String answer(List<JsonObject> entities, List<JsonObject> relationships) {
        return Json.createObjectBuilder().add("entities", Json.createArrayBuilder(entities))
                .add("relationships", Json.createArrayBuilder(relationships)).build().toString();
    }

    /** The rule-based answer for a chunk: see the class comment. */
    public static String capitalisedNames(String chunk) {
        List<String> names = List.copyOf(names(chunk));
        List<JsonObject> entities = names.stream().map(name -> entity(name, "concept")).toList();
        List<JsonObject> relationships = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            relationships.add(relationship(names.get(i - 1), names.get(i), "mentioned_with", 0.5));
        }
        return answer(entities, relationships);
    }

    /**
     * Runs of two or more words that start with a capital letter (a number may continue a run, as in "Summit 2"),
     * not crossing punctuation; a run's first word is dropped when it opens a sentence and is a common word.
     */
    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        List<String> run = new ArrayList<>();
        boolean sentenceStart = true;
        boolean runAtSentenceStart = false;
        for (String word : text.split("\\s+")) {
            String core = word.replaceAll("^[\"'(\\[]+|[\"')\\].,;:!?]+$", "");
            boolean capitalised = !core.isEmpty() && Character.isUpperCase(core.codePointAt(0));
            boolean continues = !run.isEmpty() && !core.isEmpty() && Character.isDigit(core.codePointAt(0));
            if (capitalised || continues) {
                runAtSentenceStart = run.isEmpty() ? sentenceStart : runAtSentenceStart;
                run.add(core);
            } else {
                add(names, run, runAtSentenceStart);
            }
            if (!core.equals(word.replaceAll("^[\"'(\\[]+", ""))) {
                add(names, run, runAtSentenceStart); // punctuation after the word ends the run
            }
            sentenceStart = word.matches(".*[.!?:]$");
        }
        add(names, run, runAtSentenceStart);
        return names;
    }

    private static void add(Set<String> names, List<String> run, boolean atSentenceStart) {
        if (atSentenceStart && !run.isEmpty() && SENTENCE_STARTS.contains(run.get(0).toLowerCase())) {
            run.remove(0);
        }
        if (run.size() >= 2) {
            names.add(String.join(" ", run));
        }
        run.clear();
    }

    private static String message(JsonObject request, String role) {
        for (JsonValue value : request.getJsonArray("messages")) {
            JsonObject message = value.asJsonObject();
            if (role.equals(message.getString("role", "")) && message.get("content") instanceof JsonString content) {
                return content.getString();
            }
        }
        return "";
    }
}
