package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgePermission;
import dev.fluxbase.ai.knowledge.entity.PermissionGrant;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who may use which knowledge base through the user routes ({@code ai.knowledge_base_permissions}): a user's grant,
 * else viewer of a public one. A disabled knowledge base grants nothing.
 */
@ApplicationScoped
public class KnowledgePermissions {

    private static final String EFFECTIVE = "coalesce(p.permission, CASE WHEN kb.visibility = 'public' THEN 'viewer' END)";
    private static final String FROM = " FROM ai.knowledge_bases kb LEFT JOIN ai.knowledge_base_permissions p "
            + "ON p.knowledge_base_id = kb.id AND p.user_id = ? WHERE kb.enabled";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    public Optional<KnowledgePermission> of(UUID knowledgeBaseId, String userId) {
        return jdbc.first("SELECT " + EFFECTIVE + " AS permission" + FROM + " AND kb.id = ? AND " + EFFECTIVE + " IS NOT NULL",
                rs -> rs.getString(1), userId, knowledgeBaseId)
                .flatMap(KnowledgePermission::parse);
    }

    /** The knowledge bases the user may read, by namespace and name. */
    public List<UUID> readableBy(String userId) {
        return jdbc.list("SELECT kb.id" + FROM + " AND " + EFFECTIVE + " IS NOT NULL ORDER BY kb.namespace, kb.name",
                rs -> rs.getObject(1, UUID.class), userId);
    }

    public PermissionGrant grant(UUID knowledgeBaseId, String userId, KnowledgePermission permission, String grantedBy) {
        return jdbc.inLocalTransaction(connection -> Jdbc.first(connection, "INSERT INTO ai.knowledge_base_permissions "
                + "(knowledge_base_id, user_id, permission, granted_by) VALUES (?, ?, ?, ?) ON CONFLICT (knowledge_base_id, user_id) "
                + "DO UPDATE SET permission = excluded.permission, granted_by = excluded.granted_by, granted_at = now() "
                + "RETURNING knowledge_base_id, user_id, permission, granted_by, granted_at", KnowledgePermissions::grant,
                knowledgeBaseId, userId, permission.wireName(), grantedBy).orElseThrow());
    }

    public List<PermissionGrant> grants(UUID knowledgeBaseId) {
        return jdbc.list("SELECT knowledge_base_id, user_id, permission, granted_by, granted_at FROM ai.knowledge_base_permissions "
                + "WHERE knowledge_base_id = ? ORDER BY granted_at, user_id", KnowledgePermissions::grant, knowledgeBaseId);
    }

    public boolean revoke(UUID knowledgeBaseId, String userId) {
        return jdbc.inLocalTransaction(connection -> Jdbc.update(connection,
                "DELETE FROM ai.knowledge_base_permissions WHERE knowledge_base_id = ? AND user_id = ?", knowledgeBaseId, userId)) > 0;
    }

    private static PermissionGrant grant(ResultSet rs) throws SQLException {
        return new PermissionGrant(rs.getObject("knowledge_base_id", UUID.class), rs.getString("user_id"),
                KnowledgePermission.parse(rs.getString("permission")).orElseThrow(), rs.getString("granted_by"),
                rs.getObject("granted_at", OffsetDateTime.class));
    }
}
