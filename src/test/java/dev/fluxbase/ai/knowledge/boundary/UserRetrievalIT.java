package dev.fluxbase.ai.knowledge.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-user retrieval: documents users add through the user routes are theirs, a filtered link lets a turn see only
 * its user's documents and unowned ones (what the fake provider receives is what is asserted), and
 * {@code rag-max-chunks} caps the chunks of all linked knowledge bases together.
 */
@ExtendWith(FluxbaseServer.class)
class UserRetrievalIT {

    private static final String NAMESPACE = "peruser";
    private static final String BOT = "per-user-bot";
    private static final String USERS = "/api/v1/ai/knowledge-bases";
    private static final String QUESTION = "How many vacation days do employees get each year?";
    private static final String ALICE_TEXT = "Alice's contract: she gets thirty-two vacation days each year.";
    private static final String BOB_TEXT = "Bob's contract: he gets twenty-six vacation days each year.";
    private static final String SHARED_TEXT = "Company policy: employees get vacation days each year per their contract.";
    private static final Pattern TITLE = Pattern.compile("<document index=\"\\d+\" title=\"([^\"]*)\"");

    private ServerUnderTest server;
    private KnowledgeApi api;
    private String chatbot;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        api.deleteAll();
        server.llm().reset();
        chatbot = syncChatbot(10);
    }

    @AfterEach
    void tearDown() {
        api.call("DELETE", "/api/v1/admin/ai/chatbots/" + chatbot, null);
        api.deleteAll();
    }

    @Test
    void aFilteredLinkNeverPutsOneUsersDocumentIntoAnotherUsersPrompt() {
        String kb = contracts();
        link(kb, "{\"knowledge_base_id\":\"" + kb + "\",\"similarity_threshold\":0.05,\"access_level\":\"filtered\"}");

        assertThat(promptOf("alice")).contains(ALICE_TEXT, SHARED_TEXT).doesNotContain(BOB_TEXT);
        assertThat(promptOf("bob")).contains(BOB_TEXT, SHARED_TEXT).doesNotContain(ALICE_TEXT);
        assertThat(promptOf(null)).contains(SHARED_TEXT).doesNotContain(ALICE_TEXT, BOB_TEXT);

        update(kb, "{\"filter_expression\":{\"user_id\":\"$user_id\"}}");
        assertThat(promptOf("alice")).contains(ALICE_TEXT).doesNotContain(BOB_TEXT, SHARED_TEXT);
        assertThat(promptOf(null)).doesNotContain(ALICE_TEXT, BOB_TEXT, SHARED_TEXT);

        // a full link drops the filter, not the owners: one user's document still never reaches another's prompt
        update(kb, "{\"access_level\":\"full\"}");
        assertThat(promptOf("bob")).contains(BOB_TEXT, SHARED_TEXT).doesNotContain(ALICE_TEXT);
        assertThat(promptOf(null)).contains(SHARED_TEXT).doesNotContain(ALICE_TEXT, BOB_TEXT);
    }

    @Test
    void aUserOwnsWhatItAddsAndSeesAndDeletesOnlyThat() {
        String kb = api.createKnowledgeBase("owned-docs").getString("id");
        grant(kb, "alice", "editor");
        grant(kb, "bob", "editor");
        grant(kb, "victor", "viewer");

        ApiResponse added = user("alice", "POST", USERS + "/" + kb + "/documents",
                "{\"title\":\"Mine\",\"content\":\"Alice's notes.\",\"source\":\"notes.txt\",\"metadata\":{\"user_id\":\"bob\",\"team\":\"x\"}}");
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        String doc = added.json().getString("document_id");
        JsonObject stored = api.get(KnowledgeApi.BASE + "/" + kb + "/documents/" + doc).json();
        assertThat(stored.getJsonObject("metadata").getString("user_id")).isEqualTo("alice");
        assertThat(stored.getJsonObject("metadata").getString("team")).isEqualTo("x");
        assertThat(server.column("SELECT owner_id FROM ai.documents WHERE id = ?::uuid", doc)).containsExactly("alice");

        assertThat(user("bob", "POST", USERS + "/" + kb + "/documents", "{\"content\":\"Bob's notes.\",\"source\":\"notes.txt\"}")
                .status()).isEqualTo(202);
        assertThat(api.get(KnowledgeApi.BASE + "/" + kb + "/documents/" + doc).json().getString("content")).isEqualTo("Alice's notes.");

        assertThat(user("alice", "GET", USERS + "/" + kb + "/documents", null).array("documents").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("id")).containsExactly(doc);
        assertThat(user("bob", "GET", USERS + "/" + kb + "/documents", null).array("documents").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("content")).containsExactly("Bob's notes.");
        assertThat(user("bob", "GET", USERS + "/" + kb + "/documents/" + doc, null).status()).isEqualTo(404);
        assertThat(user("bob", "DELETE", USERS + "/" + kb + "/documents/" + doc, null).status()).isEqualTo(404);
        assertThat(api.get(KnowledgeApi.BASE + "/" + kb + "/documents/" + doc).status()).isEqualTo(200);

        ApiResponse viewerAdds = user("victor", "POST", USERS + "/" + kb + "/documents", "{\"content\":\"x\"}");
        assertThat(viewerAdds.status()).isEqualTo(403);
        assertThat(viewerAdds.json().getString("code")).isEqualTo("FORBIDDEN");
        assertThat(user("mallory", "POST", USERS + "/" + kb + "/documents", "{\"content\":\"x\"}").status()).isEqualTo(403);
        assertThat(user("mallory", "GET", USERS + "/" + kb, null).status()).isEqualTo(403);
        assertThat(user("alice", "POST", USERS + "/" + kb + "/share", "{\"user_id\":\"mallory\",\"permission\":\"editor\"}").status())
                .isEqualTo(403);
        assertThat(server.call("POST", USERS + "/" + kb + "/documents", null, "{\"content\":\"x\"}").status()).isEqualTo(401);

        assertThat(user("alice", "GET", USERS, null).array("knowledge_bases").getValuesAs(JsonObject.class))
                .extracting(k -> k.getString("id") + ":" + k.getString("user_permission")).containsExactly(kb + ":editor");
        assertThat(user("alice", "DELETE", USERS + "/" + kb + "/documents/" + doc, null).status()).isEqualTo(204);
        assertThat(api.get(KnowledgeApi.BASE + "/" + kb + "/documents/" + doc).status()).isEqualTo(404);

        String adminDoc = api.call("POST", KnowledgeApi.BASE + "/" + kb + "/documents",
                "{\"content\":\"For Carol.\",\"metadata\":{\"user_id\":\"carol\"}}").json().getString("document_id");
        assertThat(server.column("SELECT owner_id FROM ai.documents WHERE id = ?::uuid", adminDoc)).containsExactly("carol");
    }

    @Test
    void ragMaxChunksCapsThePromptWithTheBestChunksOfAllLinkedKnowledgeBases() {
        api.call("DELETE", "/api/v1/admin/ai/chatbots/" + chatbot, null);
        chatbot = syncChatbot(3);
        String first = api.createKnowledgeBase("cap-first").getString("id");
        String second = api.createKnowledgeBase("cap-second").getString("id");
        api.readyDocument(first, "First strong", "How many vacation days do employees get each year? Thirty days each year.");
        api.readyDocument(first, "First medium", "Employees get vacation days; the number depends on the year.");
        api.readyDocument(first, "First weak", "The cafeteria opens at noon for employees.");
        api.readyDocument(second, "Second strong", "Each year employees get thirty vacation days, says the handbook.");
        api.readyDocument(second, "Second medium", "Vacation requests go through the HR portal.");
        api.readyDocument(second, "Second weak", "Parking spaces are assigned each year.");
        for (String kb : List.of(first, second)) {
            link(kb, "{\"knowledge_base_id\":\"" + kb + "\",\"similarity_threshold\":0.0,\"max_chunks\":5}");
        }
        List<String> expected = bestTitles(List.of(first, second), 3);

        List<String> titles = titles(promptOf("alice"));

        assertThat(titles).hasSize(3).containsExactlyElementsOf(expected);
    }

    @Test
    void theLinkCarriesAccessLevelAndFilterExpressionThroughTheAdminApi() {
        String kb = api.createKnowledgeBase("link-access").getString("id");
        String links = "/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases";

        JsonObject created = link(kb, "{\"knowledge_base_id\":\"" + kb + "\",\"access_level\":\"filtered\","
                + "\"filter_expression\":{\"team\":\"support\",\"user_id\":\"$user_id\"}}");
        assertThat(created.getString("access_level")).isEqualTo("filtered");
        assertThat(created.getJsonObject("filter_expression")).isEqualTo(Json.createObjectBuilder().add("team", "support")
                .add("user_id", "$user_id").build());
        JsonObject listed = api.get(links).array("knowledge_bases").getJsonObject(0);
        assertThat(listed.getString("access_level")).isEqualTo("filtered");
        assertThat(listed.getJsonObject("filter_expression").getString("user_id")).isEqualTo("$user_id");

        JsonObject relinked = link(kb, "{\"knowledge_base_id\":\"" + kb + "\",\"max_chunks\":3}");
        assertThat(relinked.getString("access_level")).as("linking again never widens access").isEqualTo("filtered");
        assertThat(relinked.getJsonObject("filter_expression").getString("team")).isEqualTo("support");

        JsonObject updated = update(kb, "{\"access_level\":\"full\",\"filter_expression\":{}}");
        assertThat(updated.getString("access_level")).isEqualTo("full");
        assertThat(updated.getJsonObject("filter_expression")).isEmpty();

        ApiResponse unknown = api.call("PUT", links + "/" + kb, "{\"access_level\":\"secret\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("error")).contains("access_level");
        assertThat(api.call("PUT", links + "/" + kb, "{\"filter_expression\":{\"a\":{\"b\":1}}}").status()).isEqualTo(400);
        assertThat(api.get(links).array("knowledge_bases").getJsonObject(0).getString("access_level")).isEqualTo("full");
    }

    /** Alice's and Bob's contracts added through the user route, and an unowned policy added by an administrator. */
    private String contracts() {
        String kb = api.createKnowledgeBase("contracts").getString("id");
        grant(kb, "alice", "editor");
        grant(kb, "bob", "editor");
        for (String[] owned : List.of(new String[] {"alice", ALICE_TEXT}, new String[] {"bob", BOB_TEXT})) {
            ApiResponse added = user(owned[0], "POST", USERS + "/" + kb + "/documents",
                    Json.createObjectBuilder().add("title", owned[0] + " contract").add("content", owned[1]).build().toString());
            assertThat(added.status()).as(added.toString()).isEqualTo(202);
            api.awaitStatus(kb, added.json().getString("document_id"), "indexed");
        }
        api.readyDocument(kb, "Policy", SHARED_TEXT);
        return kb;
    }

    /** The best titles of the knowledge bases as the admin search ranks them, computed rather than assumed. */
    private List<String> bestTitles(List<String> kbs, int count) {
        List<JsonObject> hits = new ArrayList<>();
        for (String kb : kbs) {
            hits.addAll(api.call("POST", KnowledgeApi.BASE + "/" + kb + "/search",
                    "{\"query\":\"" + QUESTION + "\",\"max_chunks\":10,\"threshold\":0.0}").array("results").getValuesAs(JsonObject.class));
        }
        return hits.stream().sorted(Comparator.comparingDouble((JsonObject hit) -> hit.getJsonNumber("similarity").doubleValue()).reversed())
                .limit(count).map(hit -> hit.getString("document_title")).toList();
    }

    private String syncChatbot(int maxChunks) {
        String code = "/**\\n * Per user\\n * @fluxbase:allow-unauthenticated true\\n * @fluxbase:rag-max-chunks " + maxChunks
                + "\\n */\\nexport const tools = []\\nexport default `Answer from the documents.`\\n";
        ApiResponse synced = api.call("POST", "/api/v1/admin/ai/chatbots/sync",
                "{\"namespace\":\"" + NAMESPACE + "\",\"chatbots\":[{\"name\":\"" + BOT + "\",\"code\":\"" + code + "\"}]}");
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        return server.column("SELECT id::text FROM ai.chatbots WHERE namespace = ? AND name = ?", NAMESPACE, BOT).get(0);
    }

    private JsonObject link(String kb, String body) {
        ApiResponse response = api.call("POST", "/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private JsonObject update(String kb, String body) {
        ApiResponse response = api.call("PUT", "/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases/" + kb, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void grant(String kb, String userId, String permission) {
        ApiResponse response = api.call("POST", USERS + "/" + kb + "/share", "{\"user_id\":\"" + userId + "\",\"permission\":\"" + permission + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private ApiResponse user(String userId, String method, String path, String body) {
        return server.call(method, path, server.tokens().userToken(userId), body);
    }

    /** The system prompt the fake provider received for one turn of this user (null: anonymous). */
    private String promptOf(String userId) {
        server.llm().reset();
        server.llm().enqueue(Reply.text("Some days."));
        try (ChatClient chat = userId == null ? ChatClient.connect(server.ws("/ai/ws")) : server.chatAs(userId)) {
            String id = chat.startChat(BOT, NAMESPACE);
            chat.message(id, QUESTION);
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).as(frames.toString()).isEqualTo("done");
        }
        RecordedRequest request = server.llm().requests().stream().filter(r -> r.path().endsWith("/chat/completions")).findFirst().orElseThrow();
        return request.json().getJsonArray("messages").getJsonObject(0).getString("content");
    }

    private static List<String> titles(String prompt) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = TITLE.matcher(prompt);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }
}
