package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a preview remembers of rows to tell, at confirmation, whether they are still the same: a SHA-256 of the rows' JSON
 * (as PostgreSQL's {@code to_jsonb} wrote them), in sorted order, since a statement returns its rows in no given order.
 */
final class RowDigest {

    private RowDigest() {
    }

    static String of(List<JsonObject> rows) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        rows.stream().map(JsonObject::toString).sorted().forEach(row -> {
            sha.update(row.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The key columns of each row, in the order of {@code columns}. */
    static List<JsonObject> keys(List<JsonObject> rows, List<String> columns) {
        return rows.stream().map(row -> {
            JsonObjectBuilder key = JsonFactories.PROVIDER.createObjectBuilder();
            columns.forEach(column -> key.add(column, row.get(column)));
            return key.build();
        }).toList();
    }
}
