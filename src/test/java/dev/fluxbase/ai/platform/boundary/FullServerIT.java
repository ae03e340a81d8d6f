package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.onnxruntime.OrtEnvironment;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.FullPayaraServer;
import dev.fluxbase.ai.it.support.FullServerDomain;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.quotas.control.QuotaGate;
import dev.fluxbase.ai.quotas.entity.Limits;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.tools.sql.control.SchemaDescriber;
import dev.fluxbase.ai.tools.sql.control.SqlExecutor;
import dev.fluxbase.ai.tools.sql.control.SqlExecutorProbe;
import dev.fluxbase.ai.tools.sql.entity.ColumnOrigin;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PGobject;

/**
 * The built WAR on a full Payara Server 6, in a domain that payara/server/setup-domain.sh made (the README's way), run
 * by Arquillian: a chat over the real WebSocket as a client, and the control beans that guard the database, injected
 * and run inside the server against its data source.
 */
@ExtendWith({FullPayaraServer.class, ArquillianExtension.class})
class FullServerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DatabaseIdentity ALICE = new DatabaseIdentity("authenticated", "full-server-alice", "authenticated", "{}");

    @Inject
    QuotaGate quotaGate;

    @Inject
    SqlExecutor sqlExecutor;

    @Inject
    SchemaDescriber schemaDescriber;

    @Inject
    DataSource dataSource;

    @Inject
    PersistenceUnitProbe persistenceUnit;

    /** The WAR as built, with these tests and AssertJ for the in-container ones. */
    @Deployment
    static WebArchive deployment() throws IOException, URISyntaxException {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "fluxbase-ai.war").importFrom(new File(System.getProperty("it.war")))
                .as(WebArchive.class);
        atRootContext(war);
        war.addClasses(FullServerIT.class, FullPayaraServer.class, SqlExecutorProbe.class, PersistenceUnitProbe.class);
        war.addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, jarOf(Assertions.class)));
        return war;
    }

    /** At {@code /}, where {@code asadmin deploy --contextroot /} puts it: Arquillian's deployment has no such option. */
    private static void atRootContext(WebArchive war) throws IOException {
        String descriptor;
        try (InputStream in = war.get("WEB-INF/glassfish-web.xml").getAsset().openStream()) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        war.delete("WEB-INF/glassfish-web.xml");
        war.addAsWebInfResource(new StringAsset(descriptor.replace("<glassfish-web-app>", "<glassfish-web-app>\n    <context-root>/</context-root>")),
                "glassfish-web.xml");
    }

    private static File jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    }

    @Test
    @RunAsClient
    void aUserChatsOverTheWebSocket() {
        ServerUnderTest server = FullPayaraServer.server();
        server.llm().enqueue(Reply.text("Hello", " from ", "Payara Server").usage(12, 3));
        List<JsonObject> frames;
        try (ChatClient chat = server.chatAs("full-server-user")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Hi there");
            frames = chat.turn(id);
        }

        assertThat(frames.stream().filter(f -> f.getString("type").equals("content")).map(f -> f.getString("delta")))
                .containsExactly("Hello", " from ", "Payara Server");
        JsonObject done = frames.get(frames.size() - 1);
        assertThat(done.getString("type")).isEqualTo("done");
        assertThat(done.getJsonObject("usage").getInt("total_tokens")).isEqualTo(15);
        RecordedRequest request = server.llm().awaitRequest(WAIT);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FluxbaseServer.LLM_API_KEY);
        assertThat(request.json().getJsonArray("messages").getJsonObject(1).getString("content")).isEqualTo("Hi there");
    }

    @Test
    void theQuotaGateAdmitsUpToTheRateAndCountsInTheDatabase() throws Exception {
        UUID chatbot = chatbotId("skeleton-bot");
        QuotaSubject subject = QuotaSubject.of("full-server-quota-" + UUID.randomUUID(), "127.0.0.1");
        Limits twoPerMinute = new Limits(2, 100, 100_000, 500);
        Instant now = Instant.now();

        quotaGate.admit(subject, chatbot, twoPerMinute, now);
        quotaGate.admit(subject, chatbot, twoPerMinute, now);

        assertThatThrownBy(() -> quotaGate.admit(subject, chatbot, twoPerMinute, now)).isInstanceOf(QuotaExceeded.class);
        assertThat(query("SELECT window_kind || ':' || requests || ':' || reserved FROM ai.usage_counters WHERE subject = ? ORDER BY 1",
                subject.key())).containsExactly("day:2:1000", "minute:2:0");
    }

    @Test
    void theSqlExecutorRunsAsTheUsersRoleInAReadOnlyTransactionOnTheAllowedSchemas() {
        QueryOutcome outcome = SqlExecutorProbe.run(sqlExecutor, "SELECT current_user AS role, current_setting('request.jwt.claim.sub') AS sub, "
                + "current_setting('transaction_read_only') AS read_only, current_setting('search_path') AS search_path", ALICE, List.of("public"), true);

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(outcome.rows()).singleElement().satisfies(row -> {
            assertThat(row.getString("role")).isEqualTo("authenticated");
            assertThat(row.getString("sub")).isEqualTo("full-server-alice");
            assertThat(row.getString("read_only")).isEqualTo("on");
            assertThat(row.getString("search_path")).isEqualTo("\"public\"");
        });
    }

    @Test
    void theSqlExecutorReadsTheDriversOwnTypesAndColumnOrigins() throws Exception {
        String table = "full_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE TABLE public." + table + " (id int PRIMARY KEY, doc jsonb NOT NULL)");
        execute("INSERT INTO public." + table + " VALUES (1, '{\"size\": 3}')");
        execute("GRANT SELECT ON public." + table + " TO authenticated");

        QueryOutcome outcome = SqlExecutorProbe.runWithOrigins(sqlExecutor, "SELECT id, doc FROM " + table, ALICE, List.of("public"));

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(outcome.rows()).singleElement().satisfies(row -> assertThat(row.getJsonObject("doc").getInt("size")).isEqualTo(3));
        assertThat(outcome.origins()).extracting(ColumnOrigin::table, ColumnOrigin::column).containsExactly(tuple(table, "id"), tuple(table, "doc"));
    }

    @Test
    void theSchemaDescriberDescribesATableWithItsComment() throws Exception {
        String table = "full_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE TABLE public." + table + " (id int PRIMARY KEY, label text NOT NULL)");
        execute("COMMENT ON TABLE public." + table + " IS 'made by FullServerIT'");

        String description = schemaDescriber.describe(List.of("public"), List.of(table));

        assertThat(description).contains(table, "made by FullServerIT", "label");
    }

    @Test
    void everyConnectionComesFromThePoolAsadminDefined() throws Exception {
        String serverPool = "fluxbase-ai/" + FullServerDomain.DOMAIN; // the pool's ApplicationName (setup-domain.sh)
        QueryOutcome executorConnection = SqlExecutorProbe.run(sqlExecutor, "SELECT current_setting('application_name') AS name", ALICE,
                List.of("public"), true);

        assertThat(injectedConnection()).isEqualTo(serverPool);
        assertThat(executorConnection.rows()).singleElement().satisfies(row -> assertThat(row.getString("name")).isEqualTo(serverPool));
        assertThat(persistenceUnit.readingConnection()).isEqualTo(serverPool);
        assertThat(persistenceUnit.writingConnection()).isEqualTo(serverPool);
    }

    @Test
    void theEmbeddingRuntimeAndTheJdbcDriverComeFromTheServersLibrariesNotTheWar() throws Exception {
        assertThat(OrtEnvironment.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .contains("/domains/").doesNotContain("fluxbase-ai");
        assertThat(OrtEnvironment.getEnvironment()).isNotNull();
        assertThat(PGobject.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .contains("/domains/").doesNotContain("fluxbase-ai");
    }

    private UUID chatbotId(String name) throws SQLException {
        return UUID.fromString(query("SELECT id::text FROM ai.chatbots WHERE name = ?", name).get(0));
    }

    private List<String> query(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private String injectedConnection() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('application_name')")) {
            row.next();
            return row.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
