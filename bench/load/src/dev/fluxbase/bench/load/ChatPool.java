package dev.fluxbase.bench.load;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The client sockets of one chatbot, each with a user of its own (so that per-user limit rows never
 * contend) or, in shared-user mode, all with one user (many tabs, or many anonymous users behind one
 * proxy). Opened in waves so that the handshakes measure the server and not a SYN flood. Several HTTP
 * clients share the work, as one JDK client reads all its sockets on a single selector thread.
 */
final class ChatPool implements AutoCloseable {

    private static final int CLIENTS = 4;
    private static final int WAVE = 100;

    private final List<HttpClient> clients = new ArrayList<>();
    private final URI socketUri;
    private final Probes probes;
    private final Path privateKey;
    private final String issuer;
    private final String chatbot;
    private final int userGroup;
    private final boolean sharedUser;
    private final List<Chat> chats = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    /**
     * @param userGroup  tells the users of one pool from those of another (user ids {@code ...-<8000 + group>-<n>})
     * @param sharedUser every socket with the same user, the first of the group
     */
    ChatPool(URI socketUri, Probes probes, Path privateKey, String issuer, String chatbot, int userGroup, boolean sharedUser) {
        this.socketUri = socketUri;
        this.probes = probes;
        this.privateKey = privateKey;
        this.issuer = issuer;
        this.chatbot = chatbot;
        this.userGroup = userGroup;
        this.sharedUser = sharedUser;
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().executor(Executors.newCachedThreadPool(Threads.daemon("ws-client-" + i))).build());
        }
    }

    /** Mints tokens for users 0 to n-1 (or one user's token n times) ahead of the measurements: RS256 signing is costly. */
    void mintTokens(int n) throws Exception {
        for (int i = tokens.size(); i < n; i++) {
            tokens.add(sharedUser && i > 0 ? tokens.get(0)
                    : mint("authenticated", String.format("00000000-0000-4000-%04x-%012d", 0x8000 + userGroup, i)));
        }
    }

    /** A token of the service role, which may read the usage report. */
    String adminToken() throws Exception {
        return mint("service_role", "bench-admin");
    }

    private String mint(String role, String subject) throws Exception {
        Method mint = Class.forName("DevTokens").getDeclaredMethod("mint", Path.class, String.class, String.class, String.class, long.class);
        mint.setAccessible(true);
        return (String) mint.invoke(null, privateKey, issuer, role, subject, 7200L);
    }

    /** The first n sockets, opening (and starting a conversation on) those not open yet. */
    List<Chat> first(int n) throws Exception {
        mintTokens(n);
        while (chats.size() < n) {
            int wave = Math.min(WAVE, n - chats.size());
            List<CompletableFuture<Chat>> opening = new ArrayList<>();
            for (int i = 0; i < wave; i++) {
                int index = chats.size() + i;
                opening.add(Chat.open(clients.get(index % CLIENTS), socketUri, tokens.get(index), probes, chatbot)
                        .thenCompose(chat -> chat.start().thenApply(id -> chat)));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            for (CompletableFuture<Chat> chat : opening) {
                chats.add(chat.join());
            }
        }
        return List.copyOf(chats.subList(0, n));
    }

    int size() {
        return chats.size();
    }

    /** Closes every socket (the next {@link #first} opens new ones). */
    void closeAll() {
        chats.forEach(Chat::close);
        chats.clear();
    }

    @Override
    public void close() {
        closeAll();
    }
}
