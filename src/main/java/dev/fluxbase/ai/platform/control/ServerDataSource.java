package dev.fluxbase.ai.platform.control;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Points the persistence unit at the data source {@code fluxbase.db.jndi-name} names, when it names one other than the WAR's own
 * pool. persistence.xml's {@code jta-data-source} is read as written (Payara expands no {@code ${MPCONFIG=...}} there), so
 * EclipseLink is given the configured one here, before it connects: the writing login, and the reading pool's login, which Payara
 * set up with a non-transactional view of the WAR's pool. Reads then take connections of the configured data source, which outside
 * a transaction are plain ones and inside one the transaction's.
 */
public class ServerDataSource implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        String name = ConfigProvider.getConfig(ServerDataSource.class.getClassLoader()).getOptionalValue(DataSourceName.KEY, String.class)
                .orElse(Database.JNDI_NAME);
        if (name.equals(Database.JNDI_NAME)) {
            return;
        }
        JNDIConnector connector = new JNDIConnector(DataSourceName.lookUp(name));
        ((DatasourceLogin) session.getDatasourceLogin()).setConnector(connector);
        if (session instanceof ServerSession server) {
            ConnectionPool reading = server.getReadConnectionPool();
            if (reading.getLogin() instanceof DatasourceLogin login) {
                login.setConnector(connector);
            }
        }
    }
}
