package dev.fluxbase.ai.security.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a value sits in a token's claims: a dot-separated path through JSON objects, such as {@code sub} or
 * Keycloak's {@code realm_access.roles}. A claim whose own name contains a dot (Okta, Auth0 namespaced claims
 * such as {@code https://example.com/roles}) is found too, because each step first tries the longest name.
 */
public final class ClaimPath {

    private final String path;

    private ClaimPath(String path) {
        this.path = path;
    }

    public static ClaimPath of(String path) {
        String trimmed = Objects.requireNonNull(path, "path").trim();
        if (trimmed.isEmpty() || trimmed.startsWith(".") || trimmed.endsWith(".") || trimmed.contains("..")) {
            throw new IllegalArgumentException("not a claim path: '" + path + "'");
        }
        return new ClaimPath(trimmed);
    }

    /** Paths from a comma-separated setting, in order; blank entries are skipped. */
    public static List<ClaimPath> listOf(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(ClaimPath::of).toList();
    }

    /** The value at this path, or null when a step is missing or not an object. */
    public Object in(Map<String, ?> claims) {
        return lookup(claims, path);
    }

    private static Object lookup(Map<?, ?> object, String rest) {
        if (object.containsKey(rest)) {
            return object.get(rest);
        }
        int dot = rest.length();
        while ((dot = rest.lastIndexOf('.', dot - 1)) > 0) {
            Object step = object.get(rest.substring(0, dot));
            if (step instanceof Map<?, ?> nested) {
                Object found = lookup(nested, rest.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The text values at this path: a string or number, or those inside an array. */
    public Stream<String> textsIn(Map<String, ?> claims) {
        Object value = in(claims);
        Stream<?> values = value instanceof Collection<?> list ? list.stream() : Stream.of(value);
        return values.map(ClaimPath::text).filter(Objects::nonNull).filter(t -> !t.isBlank());
    }

    /** A single text value; null for a missing claim, an array or an object. */
    public static String text(Object value) {
        return value instanceof String || value instanceof Number ? value.toString() : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimPath that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
