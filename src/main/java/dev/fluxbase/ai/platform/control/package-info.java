/**
 * The database connection, schema migrations at boot, and other cross-cutting plumbing.
 *
 * <h2>How the code talks to PostgreSQL</h2>
 *
 * <p>Everything goes through the one pooled data source ({@link dev.fluxbase.ai.platform.control.Database}),
 * except the LISTEN connection. Which way a piece of code uses it follows from what it needs:
 *
 * <ol>
 * <li><b>JPA</b> (EclipseLink entities, in a {@code @Transactional} control) for rows that are read and
 * written as whole objects: chatbots, stored providers, a conversation's messages. No shared entity cache,
 * since several instances share the database. Types EclipseLink does not map for PostgreSQL go through one
 * converter each in {@code platform.entity}: {@code TextArrayConverter} ({@code text[]}),
 * {@code JsonbTextConverter} ({@code jsonb} as its text), {@code NullableUuidConverter}.</li>
 * <li><b>Plain JDBC inside the JTA transaction</b> ({@link dev.fluxbase.ai.platform.control.Jdbc} in a
 * {@code @Transactional} control; the container hands out the connection the transaction already uses,
 * so the statement commits or rolls back with the entity manager's writes, and its row locks hold until
 * then) where the statement itself must decide under concurrency across instances, or where a round trip
 * counts: conditional updates and upserts whose row count or {@code RETURNING} is the answer (the counter
 * upsert of {@code QuotaGate}, the turn-limit update of {@code ConversationStore}, the booking of
 * {@code UsageBook} as one statement, no identity read back). A chat turn's statements are pinned by
 * {@code TurnStatementsIT}; JPA cannot say {@code ON CONFLICT ... RETURNING} and flushes when it likes.
 * Plain JDBC is also the way to read what is no entity (conversation summaries, the usage report's
 * sums); outside a JTA transaction each such call autocommits.</li>
 * <li><b>A local JDBC transaction</b> ({@code Jdbc.inLocalTransaction}, on a connection taken outside
 * any JTA transaction: autocommit off, commit or roll back, autocommit on again) where the work must be a
 * transaction of its own whatever the caller is doing: the SQL tool's query, whose {@code SET LOCAL ROLE}
 * to the end user's role, JWT claims, {@code READ ONLY} and time-out must end with it and never reach the
 * turn's bookkeeping ({@code SqlExecutor}; a table export reads tables the same way, {@code ExportSession}, both
 * making their settings through {@link dev.fluxbase.ai.platform.control.LocalSettings}); a periodic job under a transaction-scoped advisory lock
 * ({@link dev.fluxbase.ai.platform.control.ClusterJobs}); the knowledge stores, whose writes commit before an
 * index is built CONCURRENTLY (which waits forever for an open transaction of the calling thread), whose
 * chunks of a document are replaced all or nothing (bulk vector inserts, a batch) and whose search sets
 * {@code hnsw.ef_search} for itself only; and links made after the sync's JTA transaction has ended.</li>
 * <li><b>No transaction</b> for what PostgreSQL refuses in one ({@code CREATE INDEX CONCURRENTLY},
 * autocommit connections under a session advisory lock), and <b>no pool</b> for LISTEN/NOTIFY
 * ({@link dev.fluxbase.ai.platform.control.ConfigChanges}): a pooled connection goes back to the pool after
 * each use, the listening one must stay open for notifications to arrive on it.</li>
 * </ol>
 *
 * <p>Instants are written to {@code timestamptz} columns as UTC offsets ({@code Jdbc.utc}, also when
 * {@code Jdbc} binds an {@link java.time.Instant}), strings untyped (the data source's
 * {@code stringtype=unspecified}, so PostgreSQL casts them to {@code jsonb}, enums and the like).
 */
package dev.fluxbase.ai.platform.control;
