package dev.fluxbase.ai.platform.control;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Which data source the application uses: {@code fluxbase.db.jndi-name}, by default the WAR's own pool ({@link Database}). */
final class DataSourceName {

    static final String KEY = "fluxbase.db.jndi-name";

    private DataSourceName() {
    }

    /** @throws IllegalStateException when nothing is bound to {@code name}, so that the deployment fails saying so */
    static DataSource lookUp(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException(KEY + " (FLUXBASE_DB_JNDI_NAME) is " + name
                    + ", which names no data source here: create it (asadmin create-jdbc-resource) or unset the setting", e);
        }
    }
}
