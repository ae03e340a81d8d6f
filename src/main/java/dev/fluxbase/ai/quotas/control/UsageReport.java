package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.quotas.entity.UsageGroup;
import dev.fluxbase.ai.quotas.entity.UsageQuery;
import dev.fluxbase.ai.quotas.entity.UsageTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Sums the usage ledger, for the admin API. */
@ApplicationScoped
public class UsageReport {

    private static final String SUMS = "count(*) FILTER (WHERE outcome <> 'refused'), count(*) FILTER (WHERE outcome = 'refused'), "
            + "coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0)";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, "Reading the usage ledger");

    public UsageTotals totals(UsageQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT " + SUMS + " FROM ai.usage_ledger" + where(query, parameters);
        List<UsageTotals> rows = jdbc.list(sql, row -> totals(row, 1), parameters.toArray());
        return rows.get(0);
    }

    public List<UsageGroup> groups(UsageQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        Object[] values = parameters.toArray();
        return switch (query.groupBy()) {
            case none -> List.of();
            case day -> jdbc.list("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, " + SUMS + " FROM ai.usage_ledger" + where
                    + " GROUP BY 1 ORDER BY 1", row -> new UsageGroup(row.getString(1), null, null, null, null, totals(row, 2)), values);
            case chatbot -> jdbc.list("SELECT chatbot_id, chatbot_name, " + SUMS + " FROM ai.usage_ledger" + where
                    + " GROUP BY 1, 2 ORDER BY 2, 1",
                    row -> new UsageGroup(null, row.getObject(1, UUID.class), row.getString(2), null, null, totals(row, 3)), values);
            case user -> jdbc.list("SELECT user_id, client_key, " + SUMS + " FROM ai.usage_ledger" + where
                    + " GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2",
                    row -> new UsageGroup(null, null, null, row.getString(1), row.getString(2), totals(row, 3)), values);
        };
    }

    private static String where(UsageQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        query.chatbotId().ifPresent(id -> condition(conditions, parameters, "chatbot_id = ?", id));
        query.userId().ifPresent(id -> condition(conditions, parameters, "user_id = ?", id));
        query.from().ifPresent(from -> condition(conditions, parameters, "occurred_at >= ?", from));
        query.to().ifPresent(to -> condition(conditions, parameters, "occurred_at < ?", to));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> parameters, String condition, Object value) {
        conditions.add(condition);
        parameters.add(value);
    }

    private static UsageTotals totals(ResultSet row, int first) throws SQLException {
        return new UsageTotals(row.getLong(first), row.getLong(first + 1), row.getLong(first + 2), row.getLong(first + 3));
    }
}
