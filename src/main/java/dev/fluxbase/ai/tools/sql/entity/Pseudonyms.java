package dev.fluxbase.ai.tools.sql.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pseudonyms that stand for sensitive values in what the LLM reads ({@code <email#3>}): one per value, the same
 * each time the value comes back, numbered per label. A conversation keeps one table for all its turns, so that an
 * earlier answer's pseudonym, replayed to the LLM, never names another value in a later turn; a stored conversation
 * also stores it (the table tells which pseudonyms are not stored yet). A table that is {@link #off()} masks nothing
 * (MCP clients read the values themselves).
 */
public final class Pseudonyms {

    /** A pseudonym as it stands in a text: a label of letters, digits and underscores, and a number. */
    public static final Pattern PSEUDONYM = Pattern.compile("<([a-z0-9_]{1,40})#(\\d{1,9})>");

    private final boolean masking;
    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, String> byPseudonym = new HashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, Pseudonym> unsaved = new LinkedHashMap<>();

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
        return after(history, List.of());
    }

    /**
     * A table for a stored conversation taken up again: its stored pseudonyms keep their values, and new ones are
     * numbered after the highest of each label stored or in {@code history} (a pseudonym whose value was not stored
     * still takes its name).
     */
    public static Pseudonyms after(Iterable<String> history, Collection<Pseudonym> stored) {
        Pseudonyms pseudonyms = fresh();
        for (String name : namesIn(history)) {
            pseudonyms.reserve(name);
        }
        stored.forEach(pseudonyms::know);
        return pseudonyms;
    }

    /** The pseudonyms that {@code texts} hold, each once, in the order they first stand there. */
    public static Set<String> namesIn(Iterable<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            Matcher found = PSEUDONYM.matcher(text == null ? "" : text);
            while (found.find()) {
                names.add(found.group());
            }
        }
        return names;
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
        unsaved.put(pseudonym, new Pseudonym(pseudonym, name, value));
        return pseudonym;
    }

    /** The pseudonyms of this table that {@code text} holds, each with its value, in the order they first stand there. */
    public synchronized Map<String, String> revealedIn(String text) {
        if (byPseudonym.isEmpty()) {
            return Map.of(); // most turns: nothing was masked, so the answer need not be scanned
        }
        Map<String, String> revealed = new LinkedHashMap<>();
        for (String name : namesIn(List.of(text == null ? "" : text))) {
            String value = byPseudonym.get(name);
            if (value != null) {
                revealed.put(name, value);
            }
        }
        return revealed;
    }

    /** The pseudonyms made since the table was last stored, in the order they were made. */
    public synchronized List<Pseudonym> unsaved() {
        return List.copyOf(unsaved.values());
    }

    /**
     * How the new pseudonyms join {@code stored}, the conversation's table as another instance may have grown it: a value
     * stored already keeps its stored pseudonym, a new pseudonym whose name was stored for another value gets the next
     * free number, and the others are added as they are. The table itself is left as it is until {@link #merged}.
     */
    public synchronized PseudonymMerge mergeWith(Collection<Pseudonym> stored) {
        if (unsaved.isEmpty()) {
            return PseudonymMerge.NONE;
        }
        Map<String, String> storedByValue = new HashMap<>();
        Set<String> storedNames = new LinkedHashSet<>();
        Map<String, Integer> next = new HashMap<>(lastNumber);
        for (Pseudonym known : stored) {
            storedNames.add(known.name());
            if (known.value() != null) {
                storedByValue.putIfAbsent(known.value(), known.name());
            }
            number(known.name(), next);
        }
        List<Pseudonym> added = new ArrayList<>();
        Map<String, String> renamed = new HashMap<>();
        for (Pseudonym made : unsaved.values()) {
            String storedName = storedByValue.get(made.value());
            Pseudonym kept = storedName != null ? new Pseudonym(storedName, made.label(), made.value())
                    : storedNames.contains(made.name()) ? new Pseudonym("<" + made.label() + "#" + next.merge(made.label(), 1, Integer::sum) + ">",
                            made.label(), made.value())
                    : made;
            if (!kept.name().equals(made.name())) {
                renamed.put(made.name(), kept.name());
            }
            if (storedName == null) {
                added.add(kept);
            }
        }
        return new PseudonymMerge(List.copyOf(stored), added, renamed, unsaved.keySet());
    }

    /** The table after {@code merge} was stored: the stored pseudonyms known, the renamed ones under their new names. */
    public synchronized void merged(PseudonymMerge merge) {
        for (String old : merge.renamed().keySet()) {
            String value = byPseudonym.remove(old);
            if (value != null && old.equals(byValue.get(value))) {
                byValue.remove(value);
            }
        }
        merge.stored().forEach(this::know);
        merge.added().forEach(this::know);
        unsaved.keySet().removeAll(merge.settled());
    }

    private void know(Pseudonym known) {
        reserve(known.name());
        if (known.value() != null) {
            byPseudonym.putIfAbsent(known.name(), known.value());
            byValue.putIfAbsent(known.value(), known.name());
        }
    }

    private void reserve(String name) {
        number(name, lastNumber);
    }

    private static void number(String name, Map<String, Integer> numbers) {
        Matcher parts = PSEUDONYM.matcher(name);
        if (parts.matches()) {
            numbers.merge(parts.group(1), Integer.parseInt(parts.group(2)), Math::max);
        }
    }

    static String safeLabel(String label) {
        String name = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        name = name.length() > 40 ? name.substring(0, 40) : name;
        return name.isEmpty() ? "value" : name;
    }
}
