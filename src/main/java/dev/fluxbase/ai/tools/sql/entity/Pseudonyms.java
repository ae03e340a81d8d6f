package dev.fluxbase.ai.tools.sql.entity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pseudonyms that stand for sensitive values in what the LLM reads ({@code <email#3>}): one per value, the same
 * each time the value comes back, numbered per label. A conversation keeps one table for all its turns, so that an
 * earlier answer's pseudonym, replayed to the LLM, never names another value in a later turn. A table that is
 * {@link #off()} masks nothing (MCP clients read the values themselves).
 */
public final class Pseudonyms {

    /** A pseudonym as it stands in a text: a label of letters, digits and underscores, and a number. */
    public static final Pattern PSEUDONYM = Pattern.compile("<([a-z0-9_]{1,40})#(\\d{1,9})>");

    private final boolean masking;
    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, String> byPseudonym = new HashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();

    private Pseudonyms(boolean masking) {
        this.masking = masking;
    }

    /** A table for a conversation whose history is empty. */
    public static Pseudonyms fresh() {
        return new Pseudonyms(true);
    }

    /** A table that masks nothing. */
    public static Pseudonyms off() {
        return new Pseudonyms(false);
    }

    /**
     * A table for a conversation taken up again: the values behind its earlier pseudonyms are not kept, so new ones
     * are numbered after the highest of each label in {@code history}, and none can be read as an earlier one.
     */
    public static Pseudonyms after(Iterable<String> history) {
        Pseudonyms pseudonyms = fresh();
        for (String text : history) {
            Matcher found = PSEUDONYM.matcher(text == null ? "" : text);
            while (found.find()) {
                pseudonyms.lastNumber.merge(found.group(1), Integer.parseInt(found.group(2)), Math::max);
            }
        }
        return pseudonyms;
    }

    public boolean masking() {
        return masking;
    }

    /** The pseudonym of {@code value}: the one it already has, or a new one under {@code label} (lower-cased to the pseudonym's alphabet). */
    public synchronized String of(String label, String value) {
        String known = byValue.get(value);
        if (known != null) {
            return known;
        }
        String name = safeLabel(label);
        String pseudonym = "<" + name + "#" + lastNumber.merge(name, 1, Integer::sum) + ">";
        byValue.put(value, pseudonym);
        byPseudonym.put(pseudonym, value);
        return pseudonym;
    }

    /** The pseudonyms of this table that {@code text} holds, each with its value, in the order they first stand there. */
    public synchronized Map<String, String> revealedIn(String text) {
        if (byPseudonym.isEmpty()) {
            return Map.of(); // most turns: nothing was masked, so the answer need not be scanned
        }
        Map<String, String> revealed = new LinkedHashMap<>();
        Matcher found = PSEUDONYM.matcher(text == null ? "" : text);
        while (found.find()) {
            String value = byPseudonym.get(found.group());
            if (value != null) {
                revealed.putIfAbsent(found.group(), value);
            }
        }
        return revealed;
    }

    static String safeLabel(String label) {
        String name = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        name = name.length() > 40 ? name.substring(0, 40) : name;
        return name.isEmpty() ? "value" : name;
    }
}
