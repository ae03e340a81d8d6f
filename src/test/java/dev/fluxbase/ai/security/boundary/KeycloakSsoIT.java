package dev.fluxbase.ai.security.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.ask;
import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.queryResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.KeycloakServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on against a real Keycloak (realm {@code fluxbase}, {@code src/test/resources/keycloak}): the
 * instance that trusts it discovers its keys, follows their rotation, requires our audience and maps realm roles
 * and groups to database roles, role-gated chatbots and admin rights. Every token here comes from Keycloak.
 */
@ExtendWith(FluxbaseServer.class)
class KeycloakSsoIT {

    private static final String DOCUMENTS_BOT = "sso-documents-bot";
    private static final String SQL = "SELECT owner, title FROM sso_documents ORDER BY title";

    private ServerUnderTest server;
    private KeycloakServer keycloak;

    @BeforeEach
    void setUp(ServerUnderTest main, KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.server = main.keycloakInstance();
        server.llm().reset();
    }

    private String token(String user) {
        return keycloak.tokenFor(user, user, KeycloakServer.CLIENT);
    }

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject startChat(String chatbot) {
        return Json.createObjectBuilder().add("type", "start_chat").add("chatbot", chatbot).add("namespace", "default").build();
    }

    /** Documents of alice, bob and dave, each readable by its owner only (the {@code sub} of their tokens). */
    private Map<String, String> documentsOwnedByKeycloakUsers() {
        Map<String, String> subjects = Map.of("alice", claims(token("alice")).getSubject(), "bob", claims(token("bob")).getSubject(),
                "dave", claims(token("dave")).getSubject());
        server.execute("CREATE TABLE IF NOT EXISTS public.sso_documents (owner text NOT NULL, title text PRIMARY KEY)");
        server.execute("ALTER TABLE public.sso_documents ENABLE ROW LEVEL SECURITY");
        server.execute("DROP POLICY IF EXISTS own_documents ON public.sso_documents");
        server.execute("CREATE POLICY own_documents ON public.sso_documents FOR SELECT TO authenticated "
                + "USING (owner = current_setting('request.jwt.claims', true)::json ->> 'sub')");
        server.execute("GRANT SELECT ON public.sso_documents TO authenticated, anon");
        server.execute("DELETE FROM public.sso_documents");
        server.execute("INSERT INTO public.sso_documents VALUES (?, 'alice: budget'), (?, 'alice: roadmap'), (?, 'bob: notes'), (?, 'dave: report')",
                subjects.get("alice"), subjects.get("alice"), subjects.get("bob"), subjects.get("dave"));
        return subjects;
    }

    private List<JsonObject> rowsFor(String token) {
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + token))) {
            String id = chat.startChat(DOCUMENTS_BOT, "default");
            return queryResult(ask(server, chat, id, SQL)).getJsonArray("data").getValuesAs(JsonObject.class);
        }
    }

    @Test
    void theRealmIssuesTokensForOurAudienceWithRolesAndGroups() throws ParseException {
        JWTClaimsSet alice = claims(token("alice"));
        assertThat(alice.getIssuer()).isEqualTo(keycloak.issuer()).startsWith("http://127.0.0.1:");
        assertThat(alice.getAudience()).contains(KeycloakServer.CLIENT);
        assertThat(alice.getClaim("groups")).asList().containsExactlyInAnyOrder("analysts", "sales");
        assertThat(alice.getJSONObjectClaim("realm_access").get("roles")).asList().contains("fluxbase-user");
        assertThat(claims(token("bob")).getJSONObjectClaim("realm_access").get("roles")).asList().doesNotContain("fluxbase-user", "fluxbase-ops");
        assertThat(claims(keycloak.tokenFor("alice", "alice", KeycloakServer.OTHER_CLIENT)).getAudience()).doesNotContain(KeycloakServer.CLIENT);
    }

    @Test
    void aMappedRealmRoleQueriesAsAuthenticatedAndSeesExactlyItsOwnRows() {
        Map<String, String> subjects = documentsOwnedByKeycloakUsers();
        assertThat(rowsFor(token("alice")))
                .extracting(row -> row.getString("owner") + " " + row.getString("title"))
                .containsExactly(subjects.get("alice") + " alice: budget", subjects.get("alice") + " alice: roadmap");
        assertThat(rowsFor(token("dave"))).extracting(row -> row.getString("title")).containsExactly("dave: report");
    }

    @Test
    void aUserWithoutAMappedRoleIsAnonLevel() {
        documentsOwnedByKeycloakUsers();
        String bob = token("bob");
        assertThat(rowsFor(bob)).as("anon sees no document, not even bob's own").isEmpty();
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + bob))) {
            assertThat(chat.startChatAnswer(startChat("skeleton-bot")).getString("code")).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void aRoleGatedChatbotAdmitsTheKeycloakGroupAndForbidsOthers() {
        try (ChatClient dave = ChatClient.connect(server.ws("/ai/ws?token=" + token("dave")))) {
            JsonObject refused = dave.startChatAnswer(startChat("sales-only-bot"));
            assertThat(refused.getString("code")).isEqualTo("FORBIDDEN");
        }
        server.llm().enqueue(Reply.text("hello seller"));
        try (ChatClient alice = ChatClient.connect(server.ws("/ai/ws?token=" + token("alice")))) {
            String id = alice.startChat("sales-only-bot", "default");
            alice.message(id, "hi");
            assertThat(alice.turn(id)).last().extracting(f -> f.getString("type")).isEqualTo("done");
        }
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        String otherApp = keycloak.tokenFor("alice", "alice", KeycloakServer.OTHER_CLIENT);
        ApiResponse rest = server.get("/api/v1/ai/chatbots", otherApp);
        assertThat(rest.status()).isEqualTo(401);
        assertThat(rest.json().getString("code")).isEqualTo("INVALID_TOKEN");
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + otherApp))) {
            JsonObject error = chat.startChatAnswer(startChat("open-bot"));
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo("INVALID_TOKEN");
        }
        assertThat(server.get("/api/v1/ai/chatbots", token("alice")).status()).as("the same user through our client").isEqualTo(200);
    }

    @Test
    void theAdminGroupReachesTheAdminApi() {
        assertThat(server.get("/api/v1/admin/ai/providers", token("carol")).status()).isEqualTo(200);
        ApiResponse alice = server.get("/api/v1/admin/ai/providers", token("alice"));
        assertThat(alice.status()).isEqualTo(403);
    }

    @Test
    void aRotatedSigningKeyIsFollowedWithoutRestart() {
        String before = token("carol");
        assertThat(server.get("/api/v1/admin/ai/providers", before).status()).isEqualTo(200);

        keycloak.rotateKeys();
        String after = token("carol");

        assertThat(kid(after)).isNotEqualTo(kid(before));
        assertThat(server.get("/api/v1/admin/ai/providers", after).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/admin/ai/providers", before).status()).as("the old key is still published").isEqualTo(200);
    }

    @Test
    void theStaticTestKeyIsStillTrustedBesideKeycloak() {
        assertThat(server.get("/api/v1/admin/ai/providers", server.serviceKey()).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/admin/ai/providers", server.tokens().userToken("alice")).status()).isEqualTo(403);
    }
}
