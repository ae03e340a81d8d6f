package dev.fluxbase.ai.it.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What the server under test asks PostgreSQL while a test records: every statement it executes (by its
 * text, also when the driver runs a named prepared statement again without sending its text) and every
 * round trip (a Sync, or a simple query). Read from the client side of the wire protocol, version 3.
 */
public final class StatementLog {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> roundTrips = new CopyOnWriteArrayList<>();

    /** The statements executed while recording, in order (BEGIN and COMMIT included). */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The statements whose text contains {@code fragment} (case-insensitive). */
    public long count(String fragment) {
        String lower = fragment.toLowerCase();
        return statements.stream().filter(statement -> statement.toLowerCase().contains(lower)).count();
    }

    /** Round trips: each ends with a Sync (extended protocol) or is one simple query. */
    public int roundTrips() {
        return roundTrips.size();
    }

    void statement(String text) {
        statements.add(text);
    }

    void roundTrip() {
        roundTrips.add("");
    }

    /**
     * Frames the bytes a client sends on one connection. The first message (and the one after an SSL or
     * GSS encryption request) has no type byte; every later one is a type byte, a length and a body.
     * Only the beginnings of the bodies that name statements are kept, so large parameters cost nothing.
     */
    static final class ClientStream {

        private static final int SSL_REQUEST = 80877103;
        private static final int GSS_REQUEST = 80877104;
        private static final int KEPT = 8192;

        private final Supplier<StatementLog> recording;
        private final Map<String, String> prepared = new HashMap<>();
        private final Map<String, String> portals = new HashMap<>();
        private final byte[] header = new byte[5];
        private int headerRead;
        private boolean untyped = true;
        private byte[] body;
        private int bodyKept;
        private long bodyLeft;

        ClientStream(Supplier<StatementLog> recording) {
            this.recording = recording;
        }

        void accept(byte[] buffer, int length) {
            int i = 0;
            while (i < length) {
                if (body != null) {
                    i = readBody(buffer, i, length);
                    continue;
                }
                int headerSize = untyped ? 4 : 5;
                header[headerRead++] = buffer[i++];
                if (headerRead == headerSize) {
                    startBody(headerSize);
                }
            }
        }

        private void startBody(int headerSize) {
            int offset = headerSize - 4;
            long size = ((header[offset] & 0xffL) << 24 | (header[offset + 1] & 0xff) << 16 | (header[offset + 2] & 0xff) << 8
                    | header[offset + 3] & 0xff) - 4;
            bodyLeft = size;
            body = new byte[(int) Math.min(size, KEPT)];
            bodyKept = 0;
            if (size == 0) {
                finish();
            }
        }

        private int readBody(byte[] buffer, int from, int length) {
            int take = (int) Math.min(bodyLeft, length - from);
            int keep = Math.min(take, body.length - bodyKept);
            System.arraycopy(buffer, from, body, bodyKept, Math.max(keep, 0));
            bodyKept += Math.max(keep, 0);
            bodyLeft -= take;
            if (bodyLeft == 0) {
                finish();
            }
            return from + take;
        }

        private void finish() {
            if (untyped) {
                int code = body.length >= 4 ? (body[0] & 0xff) << 24 | (body[1] & 0xff) << 16 | (body[2] & 0xff) << 8 | body[3] & 0xff : 0;
                // After an encryption request refused (the test cluster has no TLS) the startup message follows.
                untyped = code == SSL_REQUEST || code == GSS_REQUEST;
            } else {
                message((char) header[0], strings(body));
            }
            headerRead = 0;
            body = null;
        }

        private void message(char type, List<String> strings) {
            StatementLog log = recording.get();
            switch (type) {
                case 'P' -> prepared.put(strings.get(0), strings.get(1));
                case 'B' -> portals.put(strings.get(0), prepared.getOrDefault(strings.get(1), "?"));
                case 'E' -> {
                    if (log != null) {
                        log.statement(portals.getOrDefault(strings.get(0), "?"));
                    }
                }
                case 'Q' -> {
                    if (log != null) {
                        log.statement(strings.get(0));
                        log.roundTrip();
                    }
                }
                case 'S' -> {
                    if (log != null) {
                        log.roundTrip();
                    }
                }
                case 'C' -> {
                    if (strings.get(0).startsWith("S")) {
                        prepared.remove(strings.get(0).substring(1));
                    }
                }
                default -> {
                    // Describe, Flush, password, Terminate: nothing to record
                }
            }
        }

        /** The first two zero-terminated strings of a body (fewer when it has none). */
        private static List<String> strings(byte[] body) {
            List<String> strings = new ArrayList<>(2);
            int start = 0;
            for (int i = 0; i < body.length && strings.size() < 2; i++) {
                if (body[i] == 0) {
                    strings.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            while (strings.size() < 2) {
                strings.add("");
            }
            return strings;
        }
    }
}
