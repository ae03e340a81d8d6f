package dev.fluxbase.ai.platform.control;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Plain SQL on the application's data source, for the cases the package comment names. An instance
 * holds the data source and what a component makes of an {@link SQLException}; each of its calls takes a
 * connection of its own, which inside a JTA transaction is the one the transaction already uses. The
 * static methods work on a connection the caller holds and leave {@link SQLException} to it.
 *
 * <p>Parameters are bound with {@code setObject}, which the driver turns into the same typed binds as
 * {@code setString}, {@code setInt} and so on (a null goes untyped, as the data source sends strings);
 * an {@link Instant} is bound as a UTC {@code timestamptz} and a {@link TextArray} as a {@code text[]}.
 */
public final class Jdbc {

    /** SQL on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** One row of a result to a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A {@code text[]} parameter. */
    public record TextArray(List<String> values) {
    }

    private static final TextArrayConverter TEXT_ARRAY = new TextArrayConverter();

    private final Supplier<DataSource> dataSource;
    private final Function<SQLException, ? extends RuntimeException> failure;

    /**
     * @param dataSource the data source once it is injected (a field initializer runs before injection)
     * @param what       what fails when a call fails, such as "Conversation storage": the start of the message
     */
    public Jdbc(Supplier<DataSource> dataSource, String what) {
        this(dataSource, e -> new IllegalStateException(what + " failed: " + e.getMessage(), e));
    }

    /** @param failure what a failed call throws instead of the {@link SQLException} */
    public Jdbc(Supplier<DataSource> dataSource, Function<SQLException, ? extends RuntimeException> failure) {
        this.dataSource = dataSource;
        this.failure = failure;
    }

    /** Runs the work on a connection: the JTA transaction's when there is one, else an autocommit one. */
    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.get().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** Runs the work in a local transaction of its own; the caller must not be in a JTA transaction. */
    public <T> T inLocalTransaction(Work<T> work) {
        return run(connection -> inLocalTransaction(connection, work));
    }

    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return run(connection -> list(connection, sql, row, parameters));
    }

    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return run(connection -> first(connection, sql, row, parameters));
    }

    /** @return the rows changed */
    public int update(String sql, Object... parameters) {
        return run(connection -> update(connection, sql, parameters));
    }

    /** Commits when the work returns, rolls back when it throws, and leaves the connection in autocommit. */
    public static <T> T inLocalTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(row.map(rows));
                }
            }
            return values;
        }
    }

    /** The first row's value; the others are not read. */
    public static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row.map(rows)) : Optional.empty();
            }
        }
    }

    /** @return the rows changed */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Binds the parameters from the first placeholder on, for a statement the caller executes (a batch). */
    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, utc(instant));
            } else if (value instanceof TextArray array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", array.values().toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** How an instant is written to a {@code timestamptz} column. */
    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A {@code text[]} column as a list; null is empty. */
    public static List<String> strings(ResultSet row, String column) throws SQLException {
        return TEXT_ARRAY.convertToEntityAttribute(row.getArray(column));
    }
}
