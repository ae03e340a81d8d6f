package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.platform.control.DatabaseRoles;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database role exports read tables as. It is the administrator's choice (per export, else
 * {@code fluxbase.ai.table-export.role}, else the end users' authenticated role), and never the server's login:
 * the login owns the {@code ai} schema and may hold privileges no export should use. A role is refused when it is
 * the login, a superuser or a role with BYPASSRLS (it would pass every privilege or row-level security check), or a
 * role the login is not a member of (it could not switch to it).
 */
@ApplicationScoped
public class ExportRoles {

    private static final String CHECK = "SELECT r.rolname = session_user, r.rolsuper OR r.rolbypassrls, "
            + "pg_has_role(session_user, r.oid, 'MEMBER'), session_user FROM pg_catalog.pg_roles r WHERE r.rolname = ?";

    @Inject
    @ConfigProperty(name = "fluxbase.ai.table-export.role")
    Optional<String> configured;

    @Inject
    DatabaseRoles roles;

    /** The requested role, else the configured one, else the authenticated end users' role. */
    public String chosen(Optional<String> requested) {
        return requested.or(() -> configured.filter(role -> !role.isBlank())).orElseGet(roles::authenticated);
    }

    /** @throws RequestRejected {@code EXPORT_ROLE_NOT_ALLOWED} naming what is wrong with the role */
    public void check(Connection connection, String role) throws SQLException {
        Optional<Refusal> refusal = Jdbc.first(connection, CHECK, row -> Refusal.of(role, row.getBoolean(1), row.getBoolean(2),
                row.getBoolean(3), row.getString(4)), role).orElseGet(() -> Optional.of(new Refusal("Database role " + role + " does not exist")));
        if (refusal.isPresent()) {
            throw new RequestRejected(400, ErrorCodes.EXPORT_ROLE_NOT_ALLOWED, refusal.get().reason());
        }
    }

    private record Refusal(String reason) {
        static Optional<Refusal> of(String role, boolean login, boolean bypassesRls, boolean member, String loginRole) {
            if (login) {
                return Optional.of(new Refusal("Exports never run as the server's login role " + role + ": choose an end-user role"));
            }
            if (bypassesRls) {
                return Optional.of(new Refusal("Database role " + role + " is a superuser or has BYPASSRLS: it would bypass row-level security"));
            }
            if (!member) {
                return Optional.of(new Refusal("The server's login role is not a member of database role " + role + ": run GRANT "
                        + role + " TO " + loginRole));
            }
            return Optional.empty();
        }
    }
}
