package dev.fluxbase.ai.chatbots.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The leading {@code /** ... * /} block of a chatbot file: its {@code @fluxbase:} annotations and its
 * first free line. Only this block is read, so that text inside the prompt never acts as an annotation.
 */
final class DocComment {

    private static final Pattern ANNOTATION = Pattern.compile("^@fluxbase:([a-z][a-z0-9-]*)(?:\\s+(.*))?$");
    // Values may carry a trailing shell-style comment, as in the guide's "@fluxbase:rate-limit 20  # per minute".
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$");

    private final List<Annotation> annotations;
    private final String firstFreeLine;

    private DocComment(List<Annotation> annotations, String firstFreeLine) {
        this.annotations = annotations;
        this.firstFreeLine = firstFreeLine;
    }

    static DocComment of(SourceText source, int searchEnd) {
        String text = source.text();
        int start = text.indexOf("/**");
        if (start < 0 || start >= searchEnd) {
            return new DocComment(List.of(), null);
        }
        int end = text.indexOf("*/", start + 3);
        if (end < 0) {
            end = text.length();
        }
        return parse(source, start + 3, end);
    }

    private static DocComment parse(SourceText source, int from, int to) {
        List<Annotation> annotations = new ArrayList<>();
        String firstFree = null;
        int lineNumber = source.lineOf(from);
        for (String rawLine : source.text().substring(from, to).split("\n", -1)) {
            String line = stripStar(rawLine);
            Matcher matcher = ANNOTATION.matcher(line);
            if (matcher.matches()) {
                String value = matcher.group(2) == null ? "" : TRAILING_COMMENT.matcher(matcher.group(2)).replaceFirst("").trim();
                annotations.add(new Annotation(matcher.group(1), value, lineNumber));
            } else if (firstFree == null && !line.isEmpty() && !line.startsWith("@")) {
                firstFree = line;
            }
            lineNumber++;
        }
        return new DocComment(List.copyOf(annotations), firstFree);
    }

    private static String stripStar(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("*")) {
            trimmed = trimmed.substring(1).strip();
        }
        return trimmed;
    }

    List<Annotation> annotations() {
        return annotations;
    }

    Optional<String> firstFreeLine() {
        return Optional.ofNullable(firstFreeLine);
    }
}
