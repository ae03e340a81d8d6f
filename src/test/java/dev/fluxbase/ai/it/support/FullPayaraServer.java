package dev.fluxbase.ai.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the full Payara Server domain of the run before Arquillian starts it: declare it before
 * {@code ArquillianExtension}. Inside the server, where Arquillian runs the in-container tests through JUnit too,
 * it does nothing.
 */
public final class FullPayaraServer implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty(FullServerDomain.PAYARA_HOME) != null) {
            FullServerDomain.ofRun(context);
        }
    }

    /** The server of this run, for the tests that run as its clients. */
    public static ServerUnderTest server() {
        return FullServerDomain.current().server();
    }
}
