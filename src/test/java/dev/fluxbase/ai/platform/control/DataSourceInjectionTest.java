package dev.fluxbase.ai.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every component takes its data source from {@link Database#dataSource()}, which follows {@code fluxbase.db.jndi-name}: one that
 * looked the WAR's own pool up by name would bypass a pool the server defines.
 */
class DataSourceInjectionTest {

    private static final Pattern DATA_SOURCE_FIELD = Pattern.compile("(@\\w+(?:\\([^)]*\\))?)\\s+(?:private\\s+)?DataSource\\s+\\w+;");

    @Test
    void everyDataSourceFieldIsInjectedByType() throws IOException {
        List<String> lookedUp = new ArrayList<>();
        int injected = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Database.java")).toList()) {
                Matcher field = DATA_SOURCE_FIELD.matcher(Files.readString(file));
                while (field.find()) {
                    if (field.group(1).equals("@Inject")) {
                        injected++;
                    } else {
                        lookedUp.add(file.getFileName() + ": " + field.group(1));
                    }
                }
            }
        }

        assertThat(lookedUp).isEmpty();
        assertThat(injected).isGreaterThan(30);
    }
}
