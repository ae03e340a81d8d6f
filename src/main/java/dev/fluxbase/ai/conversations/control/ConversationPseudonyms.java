package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.providers.control.ApiKeyVault;
import dev.fluxbase.ai.tools.sql.entity.Pseudonym;
import dev.fluxbase.ai.tools.sql.entity.PseudonymMerge;
import dev.fluxbase.ai.tools.sql.entity.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pseudonyms of stored conversations with their values, sealed with the server's encryption key for their conversation
 * and pseudonym (a sealed value copied onto another row does not open). Without that key none is stored: a conversation
 * then keeps its values while it is open on one instance only, as one that is not stored does.
 */
@ApplicationScoped
@Transactional
public class ConversationPseudonyms {

    private static final Logger LOG = Logger.getLogger(ConversationPseudonyms.class.getName());
    private static final String ALL = "SELECT pseudonym, label, sealed_value FROM ai.conversation_pseudonyms WHERE conversation_id = ?";
    private static final String NAMED = ALL + " AND pseudonym = ANY (?)";
    private static final String ADD = "INSERT INTO ai.conversation_pseudonyms (conversation_id, pseudonym, label, sealed_value, created_at) "
            + "VALUES (?, ?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    @Inject
    ApiKeyVault vault;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, "Pseudonym storage");
    private final AtomicBoolean toldUnsealed = new AtomicBoolean();

    /** The conversation's stored pseudonyms; one whose value does not open keeps its name with no value. */
    public List<Pseudonym> of(UUID conversationId) {
        return jdbc.list(ALL, row -> opened(conversationId, row), conversationId);
    }

    /** The values of those of {@code names} that the conversation stored and that open, in the order of {@code names}. */
    public Map<String, String> revealed(UUID conversationId, Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Pseudonym stored : jdbc.list(NAMED, row -> opened(conversationId, row), conversationId, new Jdbc.TextArray(List.copyOf(names)))) {
            if (stored.value() != null) {
                values.put(stored.name(), stored.value());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        names.stream().filter(values::containsKey).forEach(name -> ordered.put(name, values.get(name)));
        return ordered;
    }

    /**
     * Stores the pseudonyms {@code table} made since it was last stored, merged with those stored meanwhile. The caller's
     * transaction must hold the conversation's row lock (as storing a turn takes it), so that turns on two instances
     * merge one after the other; the primary key refuses what would still give a pseudonym two values.
     *
     * @return what to apply to {@code table} once the transaction committed
     */
    public PseudonymMerge store(UUID conversationId, Pseudonyms table, Instant now) {
        if (table.unsaved().isEmpty() || !sealing()) {
            return PseudonymMerge.NONE;
        }
        PseudonymMerge merge = table.mergeWith(of(conversationId));
        if (!merge.added().isEmpty()) {
            jdbc.run(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(ADD)) {
                    for (Pseudonym added : merge.added()) {
                        Jdbc.bind(insert, conversationId, added.name(), added.label(), vault.sealSecret(added.value(), context(conversationId, added.name())), now);
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
        }
        return merge;
    }

    private boolean sealing() {
        if (vault.sealing()) {
            return true;
        }
        if (toldUnsealed.compareAndSet(false, true)) {
            LOG.warning("Stored conversations keep no pseudonyms' values (FLUXBASE_AI_ENCRYPTION_KEY is not set): a conversation "
                    + "taken up again gives a value a new pseudonym, and its owner cannot read earlier ones");
        }
        return false;
    }

    private Pseudonym opened(UUID conversationId, ResultSet row) throws SQLException {
        String name = row.getString(1);
        String value = vault.openSecret(row.getBytes(3), context(conversationId, name)).orElse(null);
        return new Pseudonym(name, row.getString(2), value);
    }

    // a pseudonym holds no '|', so neither part can be forged through the other
    static String context(UUID conversationId, String pseudonym) {
        return "ai.conversation_pseudonyms|" + conversationId + "|" + pseudonym;
    }
}
