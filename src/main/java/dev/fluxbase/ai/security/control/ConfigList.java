package dev.fluxbase.ai.security.control;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Comma-separated configuration values, read by hand so that values never need MicroProfile's escaping. */
final class ConfigList {

    private ConfigList() {
    }

    static Set<String> of(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        return Set.copyOf(values);
    }
}
