package dev.fluxbase.ai.tools.sql.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions a chatbot may not call: those that sleep, lock, signal, change settings, reach files, large objects
 * or other servers, control the server or replication, or run SQL text of their own (which no guard could check).
 * Matched on the last name part in any case, so {@code pg_catalog.PG_SLEEP} is caught as well.
 */
final class FunctionRules {

    private static final Set<String> DENIED = Set.of(
            "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_current_logfile", "pg_logdir_ls",
            "set_config", "current_setting", "pg_notify",
            "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_promote",
            "pg_switch_wal", "pg_switch_xlog", "pg_drop_replication_slot", "pg_replication_slot_advance",
            "pg_import_system_collations", "pg_execute_server_program", "pg_log_backend_memory_contexts",
            "pg_stat_statements_reset", "pg_prewarm", "pg_start_backup", "pg_stop_backup",
            "loread", "lowrite", "setval", "ts_stat", "ts_rewrite", "connectby");

    private static final List<String> DENIED_PREFIXES = List.of(
            "pg_sleep", "pg_ls_", "pg_read_", "pg_file_", "lo_", "dblink", "pg_advisory", "pg_try_advisory",
            "pg_create_", "pg_copy_", "pg_logical_", "pg_replication_origin_", "pg_stat_reset", "pg_backup_",
            "pg_wal_replay_", "query_to_xml", "table_to_xml", "cursor_to_xml", "schema_to_xml", "database_to_xml",
            "copy_", "crosstab");

    /** Writes a sequence, which a READ ONLY transaction would refuse anyway. */
    private static final String NEXTVAL = "nextval";

    private static final String CATALOG = "pg_catalog";

    private FunctionRules() {
    }

    static void check(List<String> parts, ResolvedPolicy policy) {
        String name = parts.get(parts.size() - 1);
        String folded = name.toLowerCase(Locale.ROOT);
        if (isDenied(folded) || NEXTVAL.equals(folded) && policy.readOnly()) {
            throw Refusal.function(SqlNames.display(name));
        }
        if (parts.size() > 2 || parts.size() == 2 && !CATALOG.equals(parts.get(0)) && !policy.allowsSchema(parts.get(0))) {
            throw Refusal.function(SqlNames.display(parts));
        }
    }

    private static boolean isDenied(String name) {
        return DENIED.contains(name) || DENIED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
