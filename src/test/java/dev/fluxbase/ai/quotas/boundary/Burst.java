package dev.fluxbase.ai.quotas.boundary;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Many messages of one user at the same moment: several sockets (spread over the given server
 * instances), several conversations each, so that no per-conversation queue orders them. Every
 * message is sent before any answer is read.
 */
final class Burst {

    private Burst() {
    }

    /** @return the terminal frame (done or error) of every message */
    static List<JsonObject> send(List<ServerUnderTest> instances, String userId, String chatbot, int sockets, int conversationsPerSocket)
            throws Exception {
        return send(instances, userId, chatbot, sockets, conversationsPerSocket, () -> { });
    }

    /** @param whileRunning runs after every message was sent, before any answer is read */
    static List<JsonObject> send(List<ServerUnderTest> instances, String userId, String chatbot, int sockets, int conversationsPerSocket,
            Runnable whileRunning) throws Exception {
        List<ChatClient> clients = new ArrayList<>();
        List<List<String>> conversations = new ArrayList<>();
        try {
            for (int s = 0; s < sockets; s++) {
                ChatClient client = instances.get(s % instances.size()).chatAs(userId);
                clients.add(client);
                List<String> ids = new ArrayList<>();
                for (int c = 0; c < conversationsPerSocket; c++) {
                    ids.add(client.startChat(chatbot, "default"));
                }
                conversations.add(ids);
            }
            fire(clients, conversations);
            whileRunning.run();
            List<JsonObject> endings = new ArrayList<>();
            for (int s = 0; s < sockets; s++) {
                endings.addAll(endings(clients.get(s), conversationsPerSocket));
            }
            return endings;
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    /** One thread per socket (a socket sends one frame at a time), all released together. */
    private static void fire(List<ChatClient> clients, List<List<String>> conversations) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int s = 0; s < clients.size(); s++) {
                ChatClient client = clients.get(s);
                List<String> ids = conversations.get(s);
                sent.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    ids.forEach(id -> client.message(id, "Are you there?"));
                }, senders));
            }
            go.countDown();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
        }
    }

    private static List<JsonObject> endings(ChatClient client, int count) {
        List<JsonObject> endings = new ArrayList<>();
        while (endings.size() < count) {
            JsonObject frame = client.next();
            if (List.of("done", "error").contains(frame.getString("type"))) {
                endings.add(frame);
            }
        }
        return endings;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long count(List<JsonObject> endings, String typeOrCode) {
        return endings.stream().filter(f -> typeOrCode.equals(f.getString("type")) || typeOrCode.equals(f.getString("code", null))).count();
    }
}
