package dev.fluxbase.ai.security.control;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Comma-separated configuration values, read by hand so that values never need MicroProfile's escaping. */
final class ConfigList {

    private ConfigList() {
    }

    static Set<String> of(String commaSeparated) {
        return Set.copyOf(ordered(commaSeparated));
    }

    /** The values in the order they were written, without repeats. */
    static Set<String> ordered(String commaSeparated) {
        Set<String> values = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }
}
