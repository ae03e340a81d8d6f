package dev.fluxbase.ai.tools.sqlguard.control;

import java.time.Duration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Parses one statement with JSqlParser in the calling thread. {@code CCJSqlParserUtil.parse} starts a new
 * thread per call to enforce its time-out, which costs far more than the parse itself (a tenth of the
 * throughput); here a {@link ParseWatchdog} enforces the time-out instead.
 */
final class StatementParser implements AutoCloseable {

    private final ParseWatchdog watchdog;

    StatementParser(Duration timeout) {
        this.watchdog = new ParseWatchdog(timeout);
    }

    Statement parse(String sql) {
        return single(statements(sql));
    }

    private Statements statements(String sql) {
        CCJSqlParser parser = configured(CCJSqlParserUtil.newParser(sql));
        watchdog.watch(parser);
        Statements statements;
        try {
            statements = parser.Statements();
        } catch (ParseException | RuntimeException e) {
            throw parser.interrupted ? tooSlow() : Refusal.unparseable(e.getMessage());
        } catch (StackOverflowError e) {
            throw Refusal.unparseable("the statement is nested too deeply");
        } finally {
            watchdog.release(parser);
        }
        if (parser.interrupted) {
            throw tooSlow(); // an interrupted parse may have returned a partial tree
        }
        return statements;
    }

    private static Refusal tooSlow() {
        return Refusal.unparseable("the statement took too long to parse");
    }

    /** Spelled out rather than left to defaults, because each of these would change what counts as code. */
    private static CCJSqlParser configured(CCJSqlParser parser) {
        return parser.withBackslashEscapeCharacter(false)
                .withSquareBracketQuotation(false)
                .withHashLineComments(false)
                .withDoubleQuotedStrings(false)
                .withDollarQuotedStringTags(false)
                .withUnsupportedStatements(false)
                .withErrorRecovery(false);
    }

    private static Statement single(Statements statements) {
        if (statements.isEmpty()) {
            throw Refusal.empty();
        }
        if (statements.size() > 1) {
            throw Refusal.multipleStatements();
        }
        return statements.get(0);
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
