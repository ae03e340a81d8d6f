package dev.fluxbase.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options with defaults; unknown names are refused so typos do not go unnoticed. */
final class Options {

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("scenarios", "stream,overhead,throughput,connections"),
            Map.entry("deltas", "20"),
            Map.entry("warmup", "5"),
            Map.entry("server-warmup", "15"),
            Map.entry("jit-warmup", "30"),
            Map.entry("duration", "15"),
            Map.entry("stream-chats", "500"),
            Map.entry("stream-interval-ms", "50"),
            Map.entry("overhead-rate", "100"),
            Map.entry("overhead-pool", "200"),
            Map.entry("overhead-interval-ms", "5"),
            Map.entry("throughput-chats", "64"),
            Map.entry("sql-interval-ms", "10"),
            Map.entry("tool-fragments", "10"),
            Map.entry("connections", "5000"),
            Map.entry("server-java-opts", "-Xmx1g"),
            Map.entry("preboot", "payara/pre-boot-commands.asadmin"),
            Map.entry("out", ""));

    private final Map<String, String> values = new HashMap<>(DEFAULTS);

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!DEFAULTS.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options: " + DEFAULTS.keySet());
            }
            values.put(name, args[++i]);
        }
    }

    String text(String name) {
        return values.get(name);
    }

    int number(String name) {
        return Integer.parseInt(values.get(name));
    }

    Set<String> scenarios() {
        return Set.copyOf(List.of(values.get("scenarios").split(",")));
    }

    /** The settings as one line for the results. */
    String describe() {
        StringBuilder line = new StringBuilder();
        values.entrySet().stream().filter(e -> !e.getKey().equals("out")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(line.length() == 0 ? "" : ", ").append("--").append(e.getKey()).append(' ').append(e.getValue()));
        return line.toString();
    }
}
