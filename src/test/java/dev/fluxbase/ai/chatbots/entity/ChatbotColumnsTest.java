package dev.fluxbase.ai.chatbots.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The entity and its embedded settings map exactly the columns the migrations give ai.chatbots, each once. */
class ChatbotColumnsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void everyColumnOfTheTableIsMappedOnce() throws IOException {
        List<String> mapped = columns(Chatbot.class);
        assertThat(mapped).doesNotHaveDuplicates();
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(tableColumns());
    }

    private static List<String> columns(Class<?> type) {
        List<String> columns = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic() || field.getName().startsWith("_persistence")) {
                continue;
            }
            if (field.isAnnotationPresent(Embedded.class)) {
                columns.addAll(columns(field.getType()));
            } else {
                Column column = field.getAnnotation(Column.class);
                columns.add(column == null || column.name().isEmpty() ? field.getName() : column.name());
            }
        }
        return columns;
    }

    private static List<String> tableColumns() throws IOException {
        List<String> columns = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted(Comparator.comparingInt(ChatbotColumnsTest::version)).toList()) {
                String sql = Files.readString(file);
                Matcher table = Pattern.compile("CREATE TABLE chatbots \\((.*?)\\n\\);", Pattern.DOTALL).matcher(sql);
                if (table.find()) {
                    for (String line : table.group(1).split("\\n")) {
                        Matcher column = Pattern.compile("^\\s+([a-z_]+)\\s+(uuid|text|boolean|integer|numeric|timestamptz)").matcher(line);
                        if (column.find()) {
                            columns.add(column.group(1));
                        }
                    }
                }
                Matcher alter = Pattern.compile("ALTER TABLE chatbots\\b[^;]*;").matcher(sql);
                while (alter.find()) {
                    Matcher change = Pattern.compile("(ADD|DROP) COLUMN ([a-z_]+)").matcher(alter.group());
                    while (change.find()) {
                        if ("ADD".equals(change.group(1))) {
                            columns.add(change.group(2));
                        } else {
                            columns.remove(change.group(2));
                        }
                    }
                }
            }
        }
        return columns;
    }

    /** Flyway's order: V2 before V10. */
    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
