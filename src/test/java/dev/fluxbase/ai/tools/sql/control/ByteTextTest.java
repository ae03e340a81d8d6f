package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.Utf8;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteTextTest {

    @Test
    void countsUtf8Bytes() {
        for (String text : new String[] {"", "abc", "é", "€", "😀", "a😀é€\u0000"}) {
            assertThat(Utf8.length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aPrefixNeverSplitsACharacter() {
        assertThat(Utf8.prefix("abc", 2)).isEqualTo("ab");
        assertThat(Utf8.prefix("aé", 2)).isEqualTo("a");
        assertThat(Utf8.prefix("a😀b", 4)).isEqualTo("a");
        assertThat(Utf8.prefix("a😀b", 5)).isEqualTo("a😀");
        assertThat(Utf8.prefix("abc", 10)).isEqualTo("abc");
    }

    @Test
    void aTruncatedValueSaysHowManyBytesAreMissing() {
        assertThat(ByteText.truncated("x".repeat(30), 20, 250_000_000L)).isEqualTo("x".repeat(20) + "…[truncated 249,999,980 bytes]");
        assertThat(ByteText.truncated("ééé", 5, 6)).isEqualTo("éé…[truncated 2 bytes]");
    }

    @Test
    void fitKeepsWhatFitsAndCutsTheRestWithinTheLimit() {
        assertThat(ByteText.fit("short", 10)).isEqualTo("short");
        String cut = ByteText.fit("y".repeat(1000), 100);
        assertThat(Utf8.length(cut)).isLessThanOrEqualTo(100);
        assertThat(cut).startsWith("yyyy").endsWith("bytes]").contains("…[truncated ");
        int kept = cut.indexOf('…');
        assertThat(cut).endsWith("…[truncated " + String.format("%,d", 1000 - kept) + " bytes]");
    }

    @Test
    void limitsReadAsAPersonWritesThem() {
        assertThat(ByteText.human(4 * 1024 * 1024)).isEqualTo("4 MB");
        assertThat(ByteText.human(16384)).isEqualTo("16 KB");
        assertThat(ByteText.human(20000)).isEqualTo("20,000 bytes");
    }
}
