package dev.fluxbase.ai.it.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of {@code /metrics} in Prometheus text format: series (name with labels) and their values. */
public final class Prometheus {

    private final Map<String, Double> series = new LinkedHashMap<>();
    private final String text;

    private Prometheus(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    public static Prometheus scrape(ServerUnderTest server) {
        var response = server.get("/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return new Prometheus(response.body());
    }

    /**
     * The sum of the series of this name carrying all the given labels (0 when there is none).
     *
     * @param labels name, value, name, value...
     */
    public double value(String name, String... labels) {
        return series.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> hasLabels(e.getKey(), labels))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** The value of a series in this scrape minus its value in an earlier one. */
    public double since(Prometheus earlier, String name, String... labels) {
        return value(name, labels) - earlier.value(name, labels);
    }

    private static boolean hasLabels(String series, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!series.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }

    public List<String> names() {
        return series.keySet().stream().map(s -> s.contains("{") ? s.substring(0, s.indexOf('{')) : s).distinct().toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
