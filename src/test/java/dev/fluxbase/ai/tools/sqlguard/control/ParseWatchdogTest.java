package dev.fluxbase.ai.tools.sqlguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

class ParseWatchdogTest {

    @Test
    void interruptsOnlyOverdueParses() throws InterruptedException {
        try (ParseWatchdog strict = new ParseWatchdog(Duration.ofMillis(1)); ParseWatchdog lenient = new ParseWatchdog(Duration.ofHours(1))) {
            CCJSqlParser overdue = CCJSqlParserUtil.newParser("SELECT 1");
            CCJSqlParser inTime = CCJSqlParserUtil.newParser("SELECT 1");
            strict.watch(overdue);
            lenient.watch(inTime);
            Thread.sleep(100);
            assertThat(overdue.interrupted).isTrue();
            assertThat(inTime.interrupted).isFalse();
        }
    }

    @Test
    void keepsWatchingAfterAQuietSpell() throws InterruptedException {
        // A deadline far longer than a watch/release pair, so that only the second parse can be overdue.
        try (ParseWatchdog watchdog = new ParseWatchdog(Duration.ofMillis(500))) {
            CCJSqlParser first = CCJSqlParserUtil.newParser("SELECT 1");
            watchdog.watch(first);
            watchdog.release(first);
            Thread.sleep(3 * ParseWatchdog.TICK_MILLIS); // a quiet spell: the ticker stops once nothing is in flight
            CCJSqlParser second = CCJSqlParserUtil.newParser("SELECT 1");
            watchdog.watch(second);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!second.interrupted && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(second.interrupted).isTrue();
            assertThat(first.interrupted).isFalse();
        }
    }
}
