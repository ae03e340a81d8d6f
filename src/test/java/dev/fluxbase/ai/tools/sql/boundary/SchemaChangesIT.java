package dev.fluxbase.ai.tools.sql.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DataGrid;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Prometheus;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import dev.fluxbase.ai.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A chatbot's table description is cached per instance, and DDL reaches the next turn on every instance:
 * two instances in one data grid, the first with a superuser login role (it creates the event triggers at
 * boot), the second with the ordinary one (it finds them). Without DDL a turn reads nothing from the
 * catalog. A third instance with the event triggers switched off checks the catalog periodically.
 */
@ExtendWith(FluxbaseServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaChangesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BOT = "sql-all-bot";
    private static final String BUILT = "fluxbase_sql_schema_descriptions_total";
    private static final String CHECKED = "fluxbase_sql_schema_checks_total";

    private ServerUnderTest server;
    private TestDatabase superuser;
    private DisposableInstance first;
    private DisposableInstance second;
    private String table;

    @BeforeAll
    void startTwoClusteredInstances(ServerUnderTest server) {
        this.server = server;
        Optional<TestDatabase> admin = server.database().asSuperuser();
        assumeTrue(admin.isPresent(), "needs a superuser of the test cluster (payara/test.sh makes one)");
        superuser = admin.get();
        SqlFixture.ensure(server);
        String run = UUID.randomUUID().toString().substring(0, 8);
        table = "schema_changes_" + run;
        List<String> cluster = DataGrid.ofTwo("fluxbase-schema-it-" + run);
        first = server.startDisposableInstance(Map.of("FLUXBASE_DB_USER", superuser.user(), "FLUXBASE_DB_PASSWORD", superuser.password()), cluster);
        second = server.startDisposableInstance(Map.of(), cluster);
    }

    @AfterAll
    void stop() throws SQLException {
        for (DisposableInstance instance : new DisposableInstance[] {second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (superuser != null) {
            try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS public." + table);
                statement.execute("DROP EVENT TRIGGER IF EXISTS fluxbase_schema_changed");
                statement.execute("DROP EVENT TRIGGER IF EXISTS fluxbase_schema_dropped");
            }
        }
    }

    @BeforeEach
    void resetProvider() {
        server.llm().reset();
    }

    @Test
    @Order(1)
    void bothInstancesHearDdl() {
        for (DisposableInstance instance : List.of(first, second)) {
            Eventually.await("a data grid of two members", WAIT, () -> instance.log().contains("DG Size: 2"));
            assertThat(instance.log()).contains("Schema changes are announced by event triggers");
        }
        assertThat(server.column("SELECT evtname FROM pg_event_trigger ORDER BY evtname"))
                .containsExactly("fluxbase_schema_changed", "fluxbase_schema_dropped");
    }

    @Test
    @Order(2)
    void withoutDdlASecondTurnReadsNothingFromTheCatalog() {
        for (DisposableInstance instance : List.of(first, second)) {
            assertThat(systemPrompt(instance.server())).contains("### public.orders").doesNotContain(table);
            Prometheus before = Prometheus.scrape(instance.server());

            assertThat(systemPrompt(instance.server())).contains("### public.orders");

            Prometheus after = Prometheus.scrape(instance.server());
            assertThat(before.value(BUILT)).isPositive();
            assertThat(after.value(BUILT)).isEqualTo(before.value(BUILT));
            assertThat(after.value(CHECKED)).isZero();
        }
    }

    @Test
    @Order(3)
    void aTableCreatedAfterTheFirstTurnIsInTheNextTurnOnBothInstances() {
        reachesBothInstances("CREATE TABLE public." + table + " (id bigint PRIMARY KEY)",
                "### public." + table + "\n- id bigint not null, primary key\n");
    }

    @Test
    @Order(4)
    void anAddedColumnIsInTheNextTurnOnBothInstances() {
        reachesBothInstances("ALTER TABLE public." + table + " ADD COLUMN note text", "- note text\n");
    }

    @Test
    @Order(5)
    void aCommentIsDdlToo() {
        reachesBothInstances("COMMENT ON COLUMN public." + table + ".note IS 'Free text from the clerk'",
                "- note text -- Free text from the clerk\n");
    }

    /** After the DDL, the next turns' prompts on both instances show it, without any catalog check. */
    private void reachesBothInstances(String ddl, String described) {
        server.execute(ddl);
        for (DisposableInstance instance : List.of(first, second)) {
            Eventually.await("the change in the prompt: " + ddl, WAIT, () -> systemPrompt(instance.server()).contains(described));
            assertThat(Prometheus.scrape(instance.server()).value(CHECKED)).isZero();
        }
    }

    @Test
    @Order(6)
    void withoutEventTriggersTheCatalogIsCheckedAtMostOncePerInterval() {
        try (DisposableInstance periodic = server.startDisposableInstance(
                Map.of("FLUXBASE_SQL_SCHEMA_EVENTS", "false", "FLUXBASE_SQL_SCHEMA_REFRESH_SECONDS", "5"))) {
            assertThat(periodic.log()).contains("Schema events are off");
            systemPrompt(periodic.server());
            double checked = Prometheus.scrape(periodic.server()).value(CHECKED);
            for (int turn = 0; turn < 3; turn++) {
                systemPrompt(periodic.server());
            }
            assertThat(Prometheus.scrape(periodic.server()).value(CHECKED) - checked).isLessThan(3);

            server.execute("ALTER TABLE public." + table + " ADD COLUMN seen_periodically boolean");
            Eventually.await("the new column in the prompt", WAIT,
                    () -> systemPrompt(periodic.server()).contains("- seen_periodically boolean\n"));
            assertThat(Prometheus.scrape(periodic.server()).value(CHECKED)).isPositive();
        }
    }

    /**
     * The system prompt the provider received for a new conversation's first turn on this instance. Each turn is a new
     * user's: the waits above take as many turns as the change needs, which one user's rate limit would cut short.
     */
    private String systemPrompt(ServerUnderTest instance) {
        try (ChatClient chat = instance.chatAs("schema-watcher-" + UUID.randomUUID())) {
            String id = chat.startChat(BOT, "default");
            server.llm().enqueue(Reply.text("Noted."));
            chat.message(id, "Which tables are there?");
            assertThat(chat.turn(id)).last().satisfies(frame -> assertThat(frame.getString("type")).isEqualTo("done"));
        }
        List<RecordedRequest> requests = server.llm().requests();
        return requests.get(requests.size() - 1).json().getJsonArray("messages").getJsonObject(0).getString("content");
    }
}
