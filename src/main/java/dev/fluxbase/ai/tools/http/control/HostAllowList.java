package dev.fluxbase.ai.tools.http.control;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A chatbot's {@code http-allowed-domains}: exact hosts or {@code *.suffix} (which also matches the
 * suffix itself), compared case-insensitively after IDN normalisation, so that look-alike Unicode
 * spellings cannot slip past.
 */
final class HostAllowList {

    static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final List<String> entries;

    HostAllowList(List<String> domains) {
        this.entries = domains.stream().map(HostAllowList::normalise).filter(e -> !e.isEmpty()).toList();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean allows(String host) {
        String candidate = normalise(host);
        for (String entry : entries) {
            if (entry.startsWith("*.")) {
                String suffix = entry.substring(2);
                if (candidate.equals(suffix) || candidate.endsWith("." + suffix)) {
                    return true;
                }
            } else if (candidate.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    /** Local hosts are reachable (over plain http) only when the chatbot lists them explicitly. */
    boolean allowsLocal(String host) {
        String candidate = normalise(host);
        return LOCAL_HOSTS.contains(candidate) && entries.contains(candidate);
    }

    static String normalise(String host) {
        String trimmed = host.strip().toLowerCase(Locale.ROOT);
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }
}
