package dev.fluxbase.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Micro with the WAR, started with the flags of payara/run.sh (and the same pre-boot command
 * file), plus its memory as the OS and the JVM see it.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final long startedNanos;

    private ServerProcess(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** @param preBoot the pre-boot command file, or null for Payara's defaults (the "before" figures) */
    static ServerProcess launch(Path repo, Path home, int port, String javaOptions, Path preBoot, Map<String, String> environment)
            throws IOException {
        Path rootDir = home.resolve("payara-root");
        deleteRecursively(rootDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", repo.resolve("target/payara-micro.jar").toString(),
                "--deploy", repo.resolve("target/fluxbase-ai.war").toString(), "--contextRoot", "/",
                "--addLibs", repo.resolve("target/server-libs").toString(),
                "--port", String.valueOf(port), "--nocluster",
                "--rootDir", rootDir.toString(),
                "--logProperties", repo.resolve("payara/logging.properties").toString()));
        if (preBoot != null) {
            command.addAll(List.of("--prebootcommandfile", preBoot.toString(),
                    "--systemProperties", repo.resolve("payara/system.properties").toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("payara.log").toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        // A bench stopped with Ctrl-C must not leave the server running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new ServerProcess(process, port, started);
    }

    URI socketUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ai/ws");
    }

    long pid() {
        return process.pid();
    }

    /** Waits for our own health check to say UP; returns the milliseconds since launch. */
    long awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().replace(" ", "").contains("\"name\":\"database\",\"status\":\"UP\"")) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50); // polling an external process; there is nothing to wait on
        }
        throw new IllegalStateException("the server was not ready within " + timeout);
    }

    /** Resident set size in KB, from /proc. */
    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    /** Heap in use after a full collection, in KB. */
    long heapAfterFullGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info: no heap usage");
        }
        return Long.parseLong(used.group(1));
    }

    /** Live threads of the server. */
    long threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
