package dev.fluxbase.ai.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Deployed with FullServerIT: which connection the persistence unit's reads and writes take, told by the connection's
 * application name, which each pool sets its own way.
 */
@ApplicationScoped
public class PersistenceUnitProbe {

    @PersistenceContext(unitName = "fluxbase")
    EntityManager entityManager;

    /** A read outside a transaction, which EclipseLink sends through its reading pool. */
    @Transactional(TxType.NOT_SUPPORTED)
    public String readingConnection() {
        return (String) entityManager.createNativeQuery("SELECT current_setting('application_name')").getSingleResult();
    }

    /** A write in a transaction, then a read of what it wrote, which must take the same connection to see the temporary table. */
    @Transactional
    public String writingConnection() {
        entityManager.createNativeQuery("CREATE TEMPORARY TABLE persistence_unit_probe ON COMMIT DROP AS SELECT current_setting('application_name') AS name")
                .executeUpdate();
        return (String) entityManager.createNativeQuery("SELECT name FROM persistence_unit_probe").getSingleResult();
    }
}
