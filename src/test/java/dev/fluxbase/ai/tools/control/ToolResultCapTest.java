package dev.fluxbase.ai.tools.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolResultCapTest {

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    @Test
    void aResultThatFitsIsReturnedAsItIs() {
        String exact = "é".repeat(128); // 256 bytes in 128 chars
        assertThat(ToolResultCap.cut(exact, 256)).isSameAs(exact);
        assertThat(ToolResultCap.cut("", 256)).isEmpty();
        assertThat(ToolResultCap.cut("short", 256)).isEqualTo("short");
    }

    @Test
    void aLongerResultIsCutToTheCapAndSaysHowManyBytesAreNotShown() {
        String result = "x".repeat(200_000);

        String cut = ToolResultCap.cut(result, 16_384);

        assertThat(bytes(cut)).isLessThanOrEqualTo(16_384).isGreaterThan(16_300);
        int kept = cut.indexOf('\n');
        assertThat(cut.substring(0, kept)).isEqualTo("x".repeat(kept));
        assertThat(cut.substring(kept)).isEqualTo("\n…[tool result truncated: " + grouped(200_000 - kept) + " more bytes not shown]");
        assertThat(cut).contains("tool result truncated: 183,");
    }

    @Test
    void theNumberOfBytesLeftOutIsExact() {
        String result = "a".repeat(1000);

        String cut = ToolResultCap.cut(result, 300);

        int kept = cut.indexOf('\n');
        assertThat(cut).endsWith("[tool result truncated: " + (1000 - kept) + " more bytes not shown]");
        assertThat(bytes(cut)).isLessThanOrEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"é", "€", "😀", "a€😀é"})
    void multiByteCharactersAreNeverSplit(String unit) {
        String result = unit.repeat(5000);
        for (int cap = 256; cap < 300; cap++) {
            String cut = ToolResultCap.cut(result, cap);
            String kept = cut.substring(0, cut.indexOf("\n…[tool result truncated"));

            assertThat(bytes(cut)).isLessThanOrEqualTo(cap);
            assertThat(new String(kept.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(kept);
            assertThat(result).startsWith(kept);
            assertThat(kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isTrue();
            assertThat(cut).contains(grouped(bytes(result) - bytes(kept)) + " more bytes not shown");
        }
    }

    @Test
    void aCapSmallerThanTheMarkerLeavesOnlyTheMarker() {
        assertThat(ToolResultCap.cut("y".repeat(100), 10)).isEqualTo("\n…[tool result truncated: 100 more bytes not shown]");
    }
}
