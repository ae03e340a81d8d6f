package dev.fluxbase.ai.observability.control;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * OpenTelemetry names as Prometheus writes them, the way OpenTelemetry's own Prometheus translation does:
 * dots become underscores, seconds add {@code _seconds}, annotations in braces ({@code {token}}) add
 * nothing. So a dashboard reads the same series from {@code /metrics} and from OTLP through a collector.
 */
public final class PrometheusNames {

    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_]+");

    private PrometheusNames() {
    }

    public static String metric(String name, String unit) {
        String base = label(name);
        String suffix = unitSuffix(unit);
        return suffix.isEmpty() || base.endsWith("_" + suffix) ? base : base + "_" + suffix;
    }

    public static String label(String attribute) {
        String name = INVALID.matcher(attribute).replaceAll("_");
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /** A bucket boundary as the {@code le} label: the shortest plain decimal ({@code 0.01}, {@code 16384}). */
    public static String le(double boundary) {
        return BigDecimal.valueOf(boundary).stripTrailingZeros().toPlainString();
    }

    private static String unitSuffix(String unit) {
        return switch (unit == null ? "" : unit) {
            case "s" -> "seconds";
            case "ms" -> "milliseconds";
            case "By" -> "bytes";
            default -> unit == null || unit.startsWith("{") || unit.equals("1") ? "" : label(unit);
        };
    }
}
