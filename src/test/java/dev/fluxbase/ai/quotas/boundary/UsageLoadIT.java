package dev.fluxbase.ai.quotas.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many users chat at once on two instances; afterwards the usage report must add up to exactly what
 * the clients were told in their {@code done} frames: nothing lost, nothing counted twice.
 */
@ExtendWith(FluxbaseServer.class)
class UsageLoadIT {

    private static final int USERS = 8;
    private static final int CONVERSATIONS_PER_USER = 3;
    private static final int MESSAGES_PER_CONVERSATION = 5;
    private static final int TURNS = USERS * CONVERSATIONS_PER_USER * MESSAGES_PER_CONVERSATION;

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
    }

    @Test
    void theUsageReportEqualsTheSumOfEveryDoneTheClientsGot() throws Exception {
        List<ServerUnderTest> instances = List.of(server, server.secondInstance());
        Random random = new Random(42);
        for (int i = 0; i < TURNS; i++) {
            server.llm().enqueue(Reply.text("part ", "of ", "answer " + i).usage(5 + random.nextInt(500), 1 + random.nextInt(200)));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, long[]> received = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        try {
            List<Future<?>> chats = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String user = "load-" + run + "-" + u;
                ServerUnderTest instance = instances.get(u % instances.size());
                chats.add(users.submit(() -> received.put(user, chat(instance, user))));
            }
            for (Future<?> chat : chats) {
                chat.get(5, TimeUnit.MINUTES);
            }
        } finally {
            users.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("MEASURE " + TURNS + " turns of " + USERS + " users on 2 instances: " + millis + " ms");

        long prompt = received.values().stream().mapToLong(sums -> sums[0]).sum();
        long completion = received.values().stream().mapToLong(sums -> sums[1]).sum();
        JsonObject report = server.get("/api/v1/admin/ai/usage?group_by=user&chatbot_id=" + loadBot(), server.serviceKey()).json();
        List<JsonObject> ours = report.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("user_id", "").startsWith("load-" + run)).toList();
        assertThat(ours).hasSize(USERS).allSatisfy(group -> {
            long[] sums = received.get(group.getString("user_id"));
            assertThat(group.getJsonNumber("requests").longValue()).isEqualTo(CONVERSATIONS_PER_USER * MESSAGES_PER_CONVERSATION);
            assertThat(group.getJsonNumber("prompt_tokens").longValue()).isEqualTo(sums[0]);
            assertThat(group.getJsonNumber("completion_tokens").longValue()).isEqualTo(sums[1]);
        });
        assertThat(ours.stream().mapToLong(g -> g.getJsonNumber("total_tokens").longValue()).sum()).isEqualTo(prompt + completion);
        assertThat(server.column("SELECT count(*)::text FROM ai.usage_ledger WHERE user_id LIKE ?", "load-" + run + "-%"))
                .containsExactly(String.valueOf(TURNS));
        assertThat(server.column("SELECT sum(tokens)::text FROM ai.usage_counters WHERE subject LIKE ? AND window_kind = 'day'",
                "user:load-" + run + "-%")).containsExactly(String.valueOf(prompt + completion));
    }

    /** One socket per user, its conversations answered in parallel; returns the usage sums of its done frames. */
    private static long[] chat(ServerUnderTest instance, String user) {
        long[] sums = new long[2];
        try (ChatClient chat = instance.chatAs(user)) {
            List<String> ids = new ArrayList<>();
            for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
                ids.add(chat.startChat("load-bot", "default"));
            }
            for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                ids.forEach(id -> chat.message(id, "How much?"));
            }
            int ended = 0;
            while (ended < ids.size() * MESSAGES_PER_CONVERSATION) {
                JsonObject frame = chat.next();
                String type = frame.getString("type");
                assertThat(type).as(frame.toString()).isNotEqualTo("error");
                if (type.equals("done")) {
                    sums[0] += frame.getJsonObject("usage").getInt("prompt_tokens");
                    sums[1] += frame.getJsonObject("usage").getInt("completion_tokens");
                    ended++;
                }
            }
        }
        return sums;
    }

    private String loadBot() {
        return server.column("SELECT id FROM ai.chatbots WHERE namespace = 'default' AND name = 'load-bot'").get(0);
    }
}
