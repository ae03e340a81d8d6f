package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare WebSocket client that sends each message as exactly one frame, however large: the JDK's client
 * splits text into frames of 16 KB, browsers do not. Reads the server's frames one by one.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int TEXT = 1;
    public static final int CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** A frame from the server. */
    public record Frame(int opcode, byte[] payload) {
        public JsonObject json() {
            if (opcode != TEXT) {
                throw new AssertionError("expected a text frame, got opcode " + opcode + (opcode == CLOSE ? " (close " + closeCode() + ")" : ""));
            }
            return Json.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8))).readObject();
        }

        public int closeCode() {
            if (opcode != CLOSE) {
                throw new AssertionError("expected a close frame, got opcode " + opcode + ": " + new String(payload, StandardCharsets.UTF_8));
            }
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawWebSocket connect(URI uri) {
        try {
            Socket socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
            RawWebSocket raw = new RawWebSocket(socket);
            raw.handshake(uri);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(URI uri) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("the server refused the upgrade: " + head);
        }
    }

    /** Byte by byte, so that nothing after the blank line is read ahead. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    public void sendText(String text) {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one final, masked frame in the background, and returns at once: the server may close the socket
     * before it has read it all. The future tells whether the frame went out whole.
     */
    public CompletableFuture<Boolean> sendFrameInBackground(int opcode, byte[] payload) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                sendFrame(opcode, payload);
                return true;
            } catch (UncheckedIOException e) {
                return false;
            }
        });
    }

    public void sendFrame(int opcode, byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x80 | opcode);
        if (payload.length < 126) {
            header.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            header.write(0x80 | 126);
            header.write(payload.length >>> 8);
            header.write(payload.length);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) ((long) payload.length >>> shift));
            }
        }
        header.writeBytes(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        try {
            synchronized (out) {
                out.write(header.toByteArray());
                out.write(masked);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's next frame (servers do not mask; this client sends no fragmented messages). */
    public Frame next() {
        try {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            return new Frame(first & 0x0f, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
