package dev.fluxbase.ai.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container image, compose.yaml and the Kubernetes manifests cannot be built or applied on the machines that
 * test this project (no image registry, no cluster), so this keeps them in step with payara/run.sh, which the
 * tests do run: the same defaults, the same Payara Micro options, the files they need copied, and only settings
 * the README documents.
 */
class DeploymentFilesTest {

    private static final Path PAYARA = Path.of("payara");
    private static final Pattern OPTION = Pattern.compile("^\\s*(?:java .*?)?((?:--[A-Za-z]+\\b.*?)+)\\\\?$", Pattern.MULTILINE);
    private static final Pattern PAYARA_OPTION = Pattern.compile("(--[a-zA-Z]+)");
    private static final Pattern SETTING = Pattern.compile("\\b((?:FLUXBASE|MP_JWT|OPENAI|OLLAMA)_[A-Z0-9_]+)\\b");

    @Test
    void theEntrypointStartsPayaraMicroWithTheRunScriptsDefaultsAndOptions() throws IOException {
        String runScript = read(PAYARA.resolve("run.sh"));
        String entrypoint = read(PAYARA.resolve("docker/entrypoint.sh"));

        for (String script : new String[] {runScript, entrypoint}) {
            assertThat(script).contains("defaults.sh\"").contains("fb_cluster_args").contains("\"${FB_CLUSTER_ARGS[@]}\"");
        }
        assertThat(payaraOptions(entrypoint)).isEqualTo(payaraOptions(runScript)).contains("--deploy", "--addLibs", "--prebootcommandfile");
    }

    @Test
    void theImageHoldsEveryFileTheEntrypointReads() throws IOException {
        String dockerfile = read(PAYARA.resolve("docker/Dockerfile"));
        Matcher used = Pattern.compile("\\$APP/(payara/[\\w./-]+)").matcher(read(PAYARA.resolve("docker/entrypoint.sh")));
        Set<String> files = new TreeSet<>();
        while (used.find()) {
            files.add(used.group(1));
        }
        files.add("payara/docker/entrypoint.sh");

        assertThat(files).contains("payara/defaults.sh", "payara/system.properties").allSatisfy(file -> {
            assertThat(Files.exists(Path.of(file))).as(file).isTrue();
            assertThat(dockerfile).as("the Dockerfile copies %s", file).containsPattern("COPY [^\\n]*" + Pattern.quote(file));
        });
        assertThat(dockerfile).contains("USER 10001").contains("HEALTHCHECK").contains("/health/ready").contains("FROM eclipse-temurin:17-jre");
    }

    @Test
    void composeAndKubernetesSetTheDatabaseAndOnlyDocumentedSettings() throws IOException {
        Set<String> documented = documentedSettings();
        for (Path file : new Path[] {PAYARA.resolve("docker/compose.yaml"), PAYARA.resolve("kubernetes/fluxbase.yaml")}) {
            Set<String> set = settings(read(file));
            assertThat(set).as(file.toString()).contains("FLUXBASE_DB_URL", "FLUXBASE_DB_USER", "FLUXBASE_DB_PASSWORD", "FLUXBASE_DB_POOL_MAX");
            assertThat(documented).as("settings %s sets that the README's configuration table does not list", file).containsAll(set);
        }
        assertThat(read(PAYARA.resolve("kubernetes/fluxbase.yaml"))).contains("path: /health/ready", "path: /health/live", "clusterIP: None",
                "kind: PodDisruptionBudget", "secretRef");
    }

    @Test
    void theScriptsDefaultsAreDocumentedToo() throws IOException {
        assertThat(documentedSettings()).containsAll(settings(read(PAYARA.resolve("defaults.sh"))));
    }

    private static Set<String> payaraOptions(String script) {
        String command = script.substring(script.indexOf("-jar \""));
        command = command.substring(0, command.indexOf("system.properties"));
        Set<String> options = new TreeSet<>();
        Matcher option = PAYARA_OPTION.matcher(command);
        while (option.find()) {
            options.add(option.group(1));
        }
        return options;
    }

    /** The first column of the README's configuration tables. */
    private static Set<String> documentedSettings() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : read(Path.of("README.md")).lines().toList()) {
            if (line.startsWith("| `")) {
                names.addAll(settings(line.substring(0, line.indexOf(" |", 2))));
            }
        }
        // families written with a shared prefix: `FLUXBASE_DB_URL`, `_USER`, `_PASSWORD`
        return expandSuffixes(names, read(Path.of("README.md")));
    }

    private static Set<String> expandSuffixes(Set<String> names, String readme) {
        Matcher family = Pattern.compile("^\\| `((?:FLUXBASE|MP_JWT)_[A-Z0-9_]+?)_[A-Z0-9]+`((?:, `_[A-Z0-9_]+`)+)", Pattern.MULTILINE).matcher(readme);
        while (family.find()) {
            for (String suffix : family.group(2).split(",")) {
                String trimmed = suffix.strip();
                if (!trimmed.isEmpty()) {
                    names.add(family.group(1) + trimmed.replace("`", ""));
                }
            }
        }
        return names;
    }

    private static Set<String> settings(String text) {
        Set<String> names = new TreeSet<>();
        Matcher setting = SETTING.matcher(text);
        while (setting.find()) {
            names.add(setting.group(1));
        }
        return names;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
