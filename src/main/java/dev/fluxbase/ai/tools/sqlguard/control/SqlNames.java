package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Names the way PostgreSQL resolves them: unquoted parts fold to lower case, quoted parts keep their case. */
final class SqlNames {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SqlNames() {
    }

    /** {@code Orders} and {@code orders} name the same table; {@code "Orders"} names another one. */
    static String normalize(String part) {
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return foldAscii(part.strip());
    }

    /** PostgreSQL folds only ASCII letters; {@code Ä} stays {@code Ä}. */
    static String foldAscii(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** Splits {@code schema."odd.name"} on the dots outside quotes and normalizes each part. */
    static List<String> parse(String dotted) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < dotted.length(); i++) {
            char c = dotted.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                parts.add(normalize(dotted.substring(start, i)));
                start = i + 1;
            }
        }
        parts.add(normalize(dotted.substring(start)));
        return parts;
    }

    /** How the name would have to be written to mean this object: quoted only when folding would change it. */
    static String display(String name) {
        return PLAIN.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String display(List<String> parts) {
        return String.join(".", parts.stream().map(SqlNames::display).toList());
    }
}
