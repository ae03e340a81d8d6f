package dev.fluxbase.ai.tools.sql.control;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a preview remembers of rows to tell, at confirmation, whether they are still the same: a SHA-256 of the rows' JSON
 * (as PostgreSQL's {@code to_jsonb} wrote them), in sorted order, since a statement returns its rows in no given order. The
 * rows are whole rows, so two rows differ when any column does, their keys included; equal rows of a table without a key
 * count as many times as they are there.
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
}
