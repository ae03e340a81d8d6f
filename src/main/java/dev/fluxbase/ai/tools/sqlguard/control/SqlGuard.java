package dev.fluxbase.ai.tools.sqlguard.control;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.jsqlparser.statement.Statement;

/**
 * Decides whether SQL written by the LLM may run for a chatbot. It is the first of several layers (the query
 * then runs in a READ ONLY transaction for read-only chatbots, as the end user's role under row-level security,
 * with a statement timeout), so it is strict and refuses whatever it cannot fully understand.
 *
 * <p>A check reads the text the way PostgreSQL will ({@link PostgresScanner}, which also refuses commands by their
 * first word), parses the single statement with JSqlParser ({@link StatementParser}), walks every node of the tree
 * ({@link TreeWalker}) and holds what it found against the policy ({@link PolicyCheck}). Thread-safe; one instance
 * serves the application.
 */
@ApplicationScoped
public class SqlGuard {

    static final int MAX_LENGTH = 20_000;
    static final Duration PARSE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(SqlGuard.class.getName());

    private final StatementParser parser;
    private final NodeFields fields = new NodeFields();

    public SqlGuard() {
        this(PARSE_TIMEOUT);
    }

    SqlGuard(Duration parseTimeout) {
        this.parser = new StatementParser(parseTimeout);
    }

    public SqlVerdict check(String sql, SqlPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        try {
            return verdict(sql, policy);
        } catch (Refusal refusal) {
            return SqlVerdict.refuse(refusal.reason(), refusal.operation(), List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SQL guard failed on a statement; refusing it", e);
            return SqlVerdict.refuse("SQL could not be checked");
        }
    }

    /** The watchdog thread also ends on its own after a while without checks. */
    @PreDestroy
    void close() {
        parser.close();
    }

    private SqlVerdict verdict(String sql, SqlPolicy policy) {
        if (sql == null || sql.isBlank()) {
            throw Refusal.empty();
        }
        if (sql.length() > MAX_LENGTH) {
            throw Refusal.tooLong(MAX_LENGTH);
        }
        Statement statement = parser.parse(PostgresScanner.scan(sql));
        String operation = StatementKinds.operation(statement);
        try {
            StatementFacts facts = TreeWalker.walk(statement, fields);
            facts.operation(operation);
            PolicyCheck.Permitted permitted = PolicyCheck.enforce(facts, new ResolvedPolicy(policy));
            return SqlVerdict.allow(operation, permitted.tables(), permitted.functions());
        } catch (Refusal refusal) {
            throw refusal.withOperation(operation);
        }
    }
}
