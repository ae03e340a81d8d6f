package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import dev.fluxbase.ai.platform.control.ConfigChanges;
import dev.fluxbase.ai.tools.sql.entity.SensitiveColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The sensitive columns a chatbot's queries may reach: the columns of its allowed schemas whose comment carries
 * {@code @sensitive} or {@code @sensitive:label}, and those its file names in {@code @fluxbase:sensitive-columns}. A new
 * tag protects from the next query on: while the database announces its DDL ({@link SchemaEvents}; {@code COMMENT ON} is
 * DDL) the tags are kept per set of schemas until the next announcement, otherwise they are read at every query (one
 * catalog query). A catalog that cannot be read fails the query: it must not run unmasked.
 */
@ApplicationScoped
public class SensitiveColumnCatalog {

    static final Pattern TAG = Pattern.compile("(?<![\\w@])@sensitive(?::([A-Za-z0-9_]+))?(?![\\w-])");

    private static final String TAGGED = """
            SELECT n.nspname, c.relname, a.attname, d.description
              FROM pg_description d
              JOIN pg_class c ON c.oid = d.objoid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
             WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid > 0 AND d.description LIKE '%@sensitive%'
               AND n.nspname = ANY (?)
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ConfigChanges changes;

    @Inject
    SchemaEvents events;

    private final Map<List<String>, Tags> cache = new ConcurrentHashMap<>();

    /** The tagged columns of some schemas, as of a schema generation. */
    private record Tags(long generation, List<Tagged> columns) {
    }

    private record Tagged(String schema, String table, String column, String label) {
    }

    /** @throws SQLException when the comments cannot be read */
    public SensitiveColumns of(SqlAccess access) throws SQLException {
        SensitiveColumns.Builder columns = SensitiveColumns.builder();
        access.sensitiveColumns().forEach(columns::addDeclared);
        tagged(access.allowedSchemas()).forEach(tagged -> columns.add(tagged.schema(), tagged.table(), tagged.column(), tagged.label()));
        return columns.build();
    }

    private List<Tagged> tagged(List<String> schemas) throws SQLException {
        long generation = events.announced() ? changes.schemaGeneration() : ConfigChanges.UNKNOWN;
        Tags known = cache.get(schemas);
        if (generation != ConfigChanges.UNKNOWN && known != null && known.generation() == generation) {
            return known.columns();
        }
        List<Tagged> columns = read(schemas);
        cache.put(List.copyOf(schemas), new Tags(generation, columns));
        return columns;
    }

    private List<Tagged> read(List<String> schemas) throws SQLException {
        List<Tagged> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(TAGGED)) {
            query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Matcher tag = TAG.matcher(rows.getString(4));
                    if (tag.find()) {
                        columns.add(new Tagged(rows.getString(1), rows.getString(2), rows.getString(3), tag.group(1)));
                    }
                }
            }
        }
        return List.copyOf(columns);
    }
}
