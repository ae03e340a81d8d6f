package dev.fluxbase.ai.chatbots.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The leading {@code /** ... * /} block of a chatbot file: its {@code @fluxbase:} annotations and its
 * first free line. Only this block is read, so that text inside the prompt never acts as an annotation.
 */
final class DocComment {

    static final String PREFIX = "@fluxbase:";
    private static final Pattern ANNOTATION = Pattern.compile("^@fluxbase:([a-z][a-z0-9-]*)(?:\\s+(.*))?$");
    // Values may carry a trailing shell-style comment, as in the guide's "@fluxbase:rate-limit 20  # per minute".
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$");

    private final List<Annotation> annotations;
    private final List<Annotation> malformed;
    private final String firstFreeLine;
    private final int start;
    private final int end;

    private DocComment(List<Annotation> annotations, List<Annotation> malformed, String firstFreeLine, int start, int end) {
        this.annotations = annotations;
        this.malformed = malformed;
        this.firstFreeLine = firstFreeLine;
        this.start = start;
        this.end = end;
    }

    static DocComment of(SourceText source, int searchEnd) {
        String text = source.text();
        int start = text.indexOf("/**");
        if (start < 0 || start >= searchEnd) {
            return new DocComment(List.of(), List.of(), null, -1, -1);
        }
        int end = text.indexOf("*/", start + 3);
        if (end < 0) {
            end = text.length();
        }
        return parse(source, start + 3, end);
    }

    private static DocComment parse(SourceText source, int from, int to) {
        List<Annotation> annotations = new ArrayList<>();
        List<Annotation> malformed = new ArrayList<>();
        String firstFree = null;
        int firstLine = source.lineOf(from);
        String[] lines = source.text().substring(from, to).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripStar(lines[i]);
            Matcher matcher = ANNOTATION.matcher(line);
            if (matcher.matches()) {
                StringBuilder value = new StringBuilder(matcher.group(2) == null ? "" : matcher.group(2).strip());
                int start = i;
                // A JSON value (intent rules) may go on over the next lines, until its brackets close.
                while (JsonBrackets.opensWithoutClosing(value) && i + 1 < lines.length && !stripStar(lines[i + 1]).startsWith("@")) {
                    value.append(' ').append(stripStar(lines[++i]));
                }
                String text = JsonBrackets.startsJson(value) ? value.toString() : TRAILING_COMMENT.matcher(value).replaceFirst("").trim();
                annotations.add(new Annotation(matcher.group(1), text, firstLine + start));
            } else if (line.startsWith(PREFIX)) {
                malformed.add(new Annotation(line.split("\\s", 2)[0], "", firstLine + i));
            } else if (firstFree == null && !line.isEmpty() && !line.startsWith("@")) {
                firstFree = line;
            }
        }
        return new DocComment(List.copyOf(annotations), List.copyOf(malformed), firstFree, from - 3, to);
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

    /** Lines that start like an annotation but are not one ({@code @fluxbase:Rate_Limit}, {@code @fluxbase: x}). */
    List<Annotation> malformed() {
        return malformed;
    }

    Set<String> keys() {
        return annotations.stream().map(Annotation::key).collect(Collectors.toSet());
    }

    /** Whether the offset lies in this comment (an absent comment contains nothing). */
    boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    Optional<String> firstFreeLine() {
        return Optional.ofNullable(firstFreeLine);
    }
}
