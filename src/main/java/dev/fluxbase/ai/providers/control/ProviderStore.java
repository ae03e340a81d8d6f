package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.StoredProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads and writes stored providers. At most one is the default and at most one serves embeddings
 * (unique indexes); making one so takes the flag from the other in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ProviderStore {

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    /** Defaults first, then by name. */
    public List<StoredProvider> all() {
        return em.createNamedQuery(StoredProvider.ALL, StoredProvider.class).getResultList();
    }

    public Optional<StoredProvider> find(UUID id) {
        return Optional.ofNullable(em.find(StoredProvider.class, id));
    }

    public boolean nameTaken(String name) {
        return !em.createNamedQuery(StoredProvider.BY_NAME, StoredProvider.class).setParameter("name", name).getResultList().isEmpty();
    }

    /**
     * @param defaultIfNone also make it the default when no enabled provider is (nothing could chat otherwise)
     */
    public StoredProvider create(StoredProvider provider, boolean makeDefault, boolean defaultIfNone) {
        boolean hasDefault = all().stream().anyMatch(p -> p.isDefault() && p.enabled());
        if (makeDefault || (defaultIfNone && !hasDefault && provider.enabled())) {
            clearDefault(provider.id());
            provider.setDefault(true);
        }
        em.persist(provider);
        return flushed(provider);
    }

    /** Applies a change in one transaction and returns the provider as stored. */
    public Optional<StoredProvider> update(UUID id, Consumer<StoredProvider> change) {
        return find(id).map(provider -> {
            change.accept(provider);
            return flushed(provider);
        });
    }

    public Optional<StoredProvider> makeDefault(UUID id) {
        clearDefault(id);
        return update(id, p -> p.setDefault(true));
    }

    /** No stored provider is the default any more: the one from configuration, if any, is. */
    public void clearDefaults() {
        clearDefault(new UUID(0L, 0L)); // the nil UUID, which no provider has: "p.id <> NULL" would match none
    }

    public Optional<StoredProvider> useForEmbeddings(UUID id, boolean use) {
        if (use) {
            em.createNamedQuery(StoredProvider.CLEAR_EMBEDDING).setParameter("id", id).executeUpdate();
        }
        return update(id, p -> p.setUseForEmbeddings(use));
    }

    public boolean delete(UUID id) {
        return find(id).map(provider -> {
            em.remove(provider);
            return true;
        }).orElse(false);
    }

    private void clearDefault(UUID keep) {
        em.createNamedQuery(StoredProvider.CLEAR_DEFAULT).setParameter("id", keep).executeUpdate();
    }

    /** Writes now, so that a conflict becomes our 409 rather than a failed commit. */
    private StoredProvider flushed(StoredProvider provider) {
        try {
            em.flush();
            return provider;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new RequestRejected(409, ErrorCodes.PROVIDER_CONFLICT, "A provider named '" + provider.name()
                        + "' already exists, or another change of the default provider happened at the same time");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
