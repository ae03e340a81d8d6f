package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/** Payara Micro's options that join two instances on this machine in one data grid of the given name. */
public final class DataGrid {

    private DataGrid() {
    }

    public static List<String> ofTwo(String name) {
        int port = freePortPair();
        return List.of("--clusterMode", "tcpip:127.0.0.1:" + port + ",127.0.0.1:" + (port + 1),
                "--clusterName", name, "--startPort", String.valueOf(port), "--interfaces", "127.0.0.1");
    }

    /** Payara numbers the data grid ports from the start port, so the next one must be free as well. */
    private static int freePortPair() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket low = new ServerSocket(0); ServerSocket high = new ServerSocket(low.getLocalPort() + 1)) {
                return low.getLocalPort();
            } catch (IOException e) {
                // taken: try another pair
            }
        }
        throw new AssertionError("no two adjacent free ports");
    }
}
