package dev.fluxbase.ai.settings.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.settings.entity.Setting;
import dev.fluxbase.ai.settings.entity.SettingText;
import dev.fluxbase.ai.settings.entity.SettingValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Rows of {@code ai.settings}. Every call names its owner: a user id, or null for the system's settings. A key
 * taken is a 409 {@code DUPLICATE_KEY}, a value the table's limits refuse a 400, any other failure
 * {@code DATABASE_UNAVAILABLE}, which a chat turn reports as it is (as its admission does).
 */
@ApplicationScoped
public class SettingsStore {

    private static final String COLUMNS = "id, key, user_id, is_secret, value::text AS value, value_type, description, editable_by, "
            + "metadata::text AS metadata, created_by, updated_by, created_at, updated_at";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, SettingsStore::failure);

    /** Plain or secret settings of the owner, by key. */
    public List<Setting> all(String owner, boolean secret) {
        return jdbc.list("SELECT " + COLUMNS + " FROM ai.settings WHERE is_secret = ? AND " + ownedBy(owner) + " ORDER BY key",
                SettingsStore::setting, parameters(owner, secret));
    }

    public Optional<Setting> find(String owner, String key) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ai.settings WHERE key = ? AND " + ownedBy(owner), SettingsStore::setting,
                parameters(owner, key));
    }

    public int count(String owner) {
        return jdbc.first("SELECT count(*) FROM ai.settings WHERE " + ownedBy(owner), row -> row.getInt(1), parameters(owner)).orElse(0);
    }

    /** The values placeholders resolve to, plain and sealed, by key. */
    public Map<String, SettingValue> values(String owner) {
        Map<String, SettingValue> values = new LinkedHashMap<>();
        jdbc.list("SELECT key, is_secret, value::text, encrypted_value FROM ai.settings WHERE " + ownedBy(owner),
                row -> value(row, owner), parameters(owner)).forEach(value -> values.put(value.key(), value));
        return values;
    }

    /** @throws RequestRejected 409 {@code DUPLICATE_KEY} when the owner has a setting of that key */
    public Setting insertPlain(String owner, String key, NewPlain plain, String by) {
        return jdbc.first("INSERT INTO ai.settings (key, user_id, value, value_type, description, editable_by, metadata, created_by, "
                        + "updated_by) VALUES (?, ?, ?::jsonb, coalesce(?, 'json'), ?, coalesce(?, '{dashboard_admin}'::text[]), coalesce(?::jsonb, '{}'::jsonb), ?, ?) "
                        + "RETURNING " + COLUMNS, SettingsStore::setting,
                key, owner, plain.valueJson(), plain.valueType(), plain.description(), plain.editableBy(), plain.metadataJson(), by, by)
                .orElseThrow();
    }

    /** Changes a plain setting; what is null stays. Empty when the owner has no plain setting of that key. */
    public Optional<Setting> updatePlain(String owner, String key, NewPlain plain, String by) {
        return jdbc.first("UPDATE ai.settings SET value = ?::jsonb, value_type = coalesce(?, value_type), "
                        + "description = coalesce(?, description), editable_by = coalesce(?, editable_by), "
                        + "metadata = coalesce(?::jsonb, metadata), updated_by = ?, updated_at = now() "
                        + "WHERE key = ? AND NOT is_secret AND " + ownedBy(owner) + " RETURNING " + COLUMNS, SettingsStore::setting,
                parameters(owner, plain.valueJson(), plain.valueType(), plain.description(), plain.editableBy(), plain.metadataJson(), by, key));
    }

    /** @throws RequestRejected 409 {@code DUPLICATE_KEY} when the owner has a setting of that key */
    public Setting insertSecret(String owner, String key, byte[] sealed, String description, String by) {
        return jdbc.first("INSERT INTO ai.settings (key, user_id, is_secret, encrypted_value, description, created_by, updated_by) "
                + "VALUES (?, ?, true, ?, ?, ?, ?) RETURNING " + COLUMNS, SettingsStore::setting, key, owner, sealed, description, by, by)
                .orElseThrow();
    }

    /** Changes a secret; what is null stays. Empty when the owner has no secret of that key. */
    public Optional<Setting> updateSecret(String owner, String key, byte[] sealed, String description, String by) {
        return jdbc.first("UPDATE ai.settings SET encrypted_value = coalesce(?, encrypted_value), description = coalesce(?, description), "
                        + "updated_by = ?, updated_at = now() WHERE key = ? AND is_secret AND " + ownedBy(owner) + " RETURNING " + COLUMNS,
                SettingsStore::setting, parameters(owner, sealed, description, by, key));
    }

    /** @return whether the owner had a setting of that kind and key */
    public boolean delete(String owner, String key, boolean secret) {
        return jdbc.update("DELETE FROM ai.settings WHERE key = ? AND is_secret = ? AND " + ownedBy(owner), parameters(owner, key, secret)) > 0;
    }

    /** A plain setting's columns as written; null leaves a column as it is on update and takes its default on insert. */
    public record NewPlain(String valueJson, String valueType, String description, Jdbc.TextArray editableBy, String metadataJson) {
    }

    private static String ownedBy(String owner) {
        return owner == null ? "user_id IS NULL" : "user_id = ?";
    }

    /** The others, then the owner when {@link #ownedBy} binds one: every statement ends with its condition. */
    private static Object[] parameters(String owner, Object... others) {
        List<Object> all = new ArrayList<>(Arrays.asList(others));
        if (owner != null) {
            all.add(owner);
        }
        return all.toArray();
    }

    private static Setting setting(ResultSet row) throws SQLException {
        return new Setting(row.getObject("id", UUID.class), row.getString("key"), row.getString("user_id"), row.getBoolean("is_secret"),
                row.getString("value"), row.getString("value_type"), row.getString("description"), Jdbc.strings(row, "editable_by"),
                row.getString("metadata"), row.getString("created_by"), row.getString("updated_by"),
                Jdbc.instant(row, row.findColumn("created_at")), Jdbc.instant(row, row.findColumn("updated_at")));
    }

    private static SettingValue value(ResultSet row, String owner) throws SQLException {
        String key = row.getString(1);
        return row.getBoolean(2) ? SettingValue.secret(key, owner, row.getBytes(4)) : SettingValue.plain(key, owner,
                SettingText.of(JsonFactories.read(row.getString(3))));
    }

    private static RuntimeException failure(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return new RequestRejected(409, ErrorCodes.DUPLICATE_KEY, "A setting with this key already exists");
        }
        if ("23514".equals(e.getSQLState())) {
            return RequestRejected.badRequest("The setting breaks a limit of the settings table");
        }
        return new CodedException(ErrorCodes.DATABASE_UNAVAILABLE, "Database unavailable, try again later", e);
    }
}
