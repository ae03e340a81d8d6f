package dev.fluxbase.ai.chatbots.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation TTL as chatbot files write it: the guide's bare hours ({@code 24}), days ({@code 7d}), and Fluxbase's
 * Go durations ({@code 30m}, {@code 1h30m}, {@code 1.5h}, {@code 90s}: Go's {@code time.ParseDuration} units). Whole
 * seconds, at least one; anything else is refused with the forms that would be understood.
 */
public final class TtlText {

    private static final Pattern BARE_HOURS = Pattern.compile("\\d+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d)");
    private static final Map<String, BigDecimal> NANOS = Map.of(
            "ns", BigDecimal.ONE, "us", BigDecimal.valueOf(1_000), "µs", BigDecimal.valueOf(1_000), "μs", BigDecimal.valueOf(1_000),
            "ms", BigDecimal.valueOf(1_000_000), "s", BigDecimal.valueOf(1_000_000_000L), "m", BigDecimal.valueOf(60_000_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000_000L), "d", BigDecimal.valueOf(86_400_000_000_000L));
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Integer.MAX_VALUE).multiply(NANOS.get("s"));

    private TtlText() {
    }

    /** The TTL, or an {@link IllegalArgumentException} whose message says what is expected. */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (BARE_HOURS.matcher(value).matches()) {
            return seconds(new BigDecimal(value).multiply(NANOS.get("h")), text);
        }
        Matcher part = PART.matcher(value);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < value.length() && part.find(at) && part.start() == at) {
            nanos = nanos.add(new BigDecimal(part.group(1).startsWith(".") ? "0" + part.group(1) : part.group(1)).multiply(NANOS.get(part.group(2))));
            at = part.end();
        }
        if (value.isEmpty() || at != value.length()) {
            throw new IllegalArgumentException("expected hours such as 24, days such as 7d or a duration such as 30m or 1h30m, got '" + text + "'");
        }
        return seconds(nanos, text);
    }

    private static Duration seconds(BigDecimal nanos, String text) {
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("too long: " + text);
        }
        long seconds = nanos.divide(NANOS.get("s"), 0, RoundingMode.DOWN).longValueExact();
        if (seconds < 1) {
            throw new IllegalArgumentException("must be at least 1 second, got '" + text + "'");
        }
        return Duration.ofSeconds(seconds);
    }
}
