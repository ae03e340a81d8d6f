package dev.fluxbase.ai.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each configuration key's default is written once: in the {@code defaultValue} of the {@code @ConfigProperty}
 * that reads it, or, for keys no annotation gives a default (read by descriptors or the server), in
 * microprofile-config.properties. The README's Configuration table shows the same defaults.
 */
class ConfigDefaultsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path README = Path.of("README.md");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(([^)]*)\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TICKED = Pattern.compile("`([^`]*)`");

    private static final List<Use> USES = new ArrayList<>();
    private static final Properties FILE = new Properties();

    record Use(String key, Optional<String> defaultValue, Path source) {
    }

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher annotation = CONFIG_PROPERTY.matcher(Files.readString(file));
                while (annotation.find()) {
                    Map<String, String> attributes = attributes(annotation.group(1));
                    USES.add(new Use(attributes.get("name"), Optional.ofNullable(attributes.get("defaultValue")), file));
                }
            }
        }
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            FILE.load(reader);
        }
    }

    @Test
    void theSourcesAreRead() {
        assertThat(USES).extracting(Use::key).contains("fluxbase.chat.max-message-bytes", "fluxbase.db.url");
        assertThat(FILE.stringPropertyNames()).contains("fluxbase.db.url");
    }

    @Test
    void noKeyHasADefaultInTheFileAndInAnAnnotation() {
        List<String> twice = USES.stream()
                .filter(use -> use.defaultValue().isPresent() && FILE.containsKey(use.key()))
                .map(use -> use.key() + " in " + use.source())
                .toList();

        assertThat(twice).as("defaults both in microprofile-config.properties and in @ConfigProperty").isEmpty();
    }

    @Test
    void annotationsThatReadTheSameKeyAgreeOnItsDefault() {
        Map<String, List<Use>> byKey = new TreeMap<>();
        USES.forEach(use -> byKey.computeIfAbsent(use.key(), k -> new ArrayList<>()).add(use));
        List<String> disagreeing = byKey.entrySet().stream()
                .filter(entry -> entry.getValue().stream().map(Use::defaultValue).distinct().count() > 1)
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList();

        assertThat(disagreeing).isEmpty();
    }

    @Test
    void theReadmeShowsEveryKeyAndItsDefault() throws IOException {
        List<String> rows = Files.readAllLines(README).stream().filter(line -> line.startsWith("| `")).toList();
        Map<String, Optional<String>> defaults = new TreeMap<>();
        USES.forEach(use -> defaults.merge(use.key(), use.defaultValue(), (a, b) -> a.or(() -> b)));
        FILE.stringPropertyNames().stream()
                .filter(key -> key.startsWith("fluxbase."))
                .forEach(key -> defaults.put(key, Optional.of(FILE.getProperty(key))));

        List<String> wrong = new ArrayList<>();
        defaults.forEach((key, value) -> {
            String variable = environmentVariable(key);
            Optional<String> shown = readmeDefault(rows, variable);
            if (shown.isEmpty()) {
                wrong.add(variable + " is not in the Configuration table");
            } else if (value.isPresent() && shown.get().startsWith("`") && !shown.get().startsWith("`" + value.get() + "`")) {
                wrong.add(variable + " shows " + shown.get() + " but the default is " + value.get());
            }
        });

        assertThat(wrong).isEmpty();
    }

    /**
     * The default column's part for this variable: rows name several ({@code `A_B`, `_C`}) and list their
     * defaults in turn. The longest name that fits wins, so that {@code _MAX_RETRY_DELAY_MS} is not read as
     * {@code _RETRY_DELAY_MS}.
     */
    private static Optional<String> readmeDefault(List<String> rows, String variable) {
        String found = null;
        int longest = 0;
        for (String row : rows) {
            String[] cells = row.split("\\s*\\|\\s*");
            List<String> names = new ArrayList<>();
            Matcher ticked = TICKED.matcher(cells[1]);
            while (ticked.find()) {
                names.add(ticked.group(1));
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name.length() > longest && names(names.get(0), name, variable)) {
                    String[] parts = cells[cells.length - 1].split(",\\s*");
                    found = parts.length == names.size() ? parts[i].strip() : cells[cells.length - 1];
                    longest = name.length();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code name}, in a row whose first name is {@code first}, names this variable. */
    private static boolean names(String first, String name, String variable) {
        if (!name.startsWith("_")) {
            return name.equals(variable);
        }
        return variable.endsWith(name) && first.startsWith(variable.substring(0, variable.length() - name.length()) + "_");
    }

    private static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new TreeMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }
}
