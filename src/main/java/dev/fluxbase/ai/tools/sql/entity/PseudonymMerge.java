package dev.fluxbase.ai.tools.sql.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * How a conversation's new pseudonyms join the ones stored meanwhile (by a turn on another instance): {@code added} are
 * to be stored; {@code renamed} maps a new pseudonym whose value was stored under another one, or whose name was
 * stored for another value, to the pseudonym the stored answer names instead; {@code settled} are the new pseudonyms
 * this merge took care of, and {@code stored} the conversation's table as it was read.
 */
public record PseudonymMerge(List<Pseudonym> stored, List<Pseudonym> added, Map<String, String> renamed, Set<String> settled) {

    /** Nothing was new, or nothing is kept. */
    public static final PseudonymMerge NONE = new PseudonymMerge(List.of(), List.of(), Map.of(), Set.of());

    public PseudonymMerge {
        stored = List.copyOf(stored);
        added = List.copyOf(added);
        renamed = Map.copyOf(renamed);
        settled = Set.copyOf(settled);
    }

    /** {@code text} with every renamed pseudonym replaced at once (a rename never feeds another). */
    public String renamedIn(String text) {
        if (renamed.isEmpty() || text == null) {
            return text;
        }
        Matcher found = Pseudonyms.PSEUDONYM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (found.find()) {
            found.appendReplacement(out, Matcher.quoteReplacement(renamed.getOrDefault(found.group(), found.group())));
        }
        found.appendTail(out);
        return out.toString();
    }
}
