package dev.fluxbase.ai.chat.control;

import static dev.fluxbase.ai.chat.control.ScriptedProvider.calls;
import static dev.fluxbase.ai.chat.control.ScriptedProvider.failing;
import static dev.fluxbase.ai.chat.control.ScriptedProvider.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chatbots.control.ChatbotFileParser;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.knowledge.control.Retriever;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.control.ProviderSelector;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.quotas.entity.Outcome;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.settings.control.SettingsSnapshot;
import dev.fluxbase.ai.settings.control.TemplateResolver;
import dev.fluxbase.ai.settings.entity.SettingRef;
import dev.fluxbase.ai.tools.control.ToolBox;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.PseudonymMerge;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole turn, its collaborators replaced by scripted ones: whatever fails inside it, an Error included,
 * the client hears {@code done} or {@code error}, the usage is booked and the failure is logged with the turn's id.
 */
@Timeout(10)
class ChatTurnTest {

    private static final TokenUsage ROUND = new TokenUsage(100, 10);
    private static final String FAILED_TURN = "Chat turn [0-9a-f]{8} of conversation c-1 failed";

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final List<TurnState> booked = new CopyOnWriteArrayList<>();
    private final List<Outcome> counted = new CopyOnWriteArrayList<>();
    private final ChatTurn chatTurn = new ChatTurn();
    private ScriptedProvider provider;
    private List<Tool> tools = List.of();
    private RuntimeException bookingFailure;
    private Error bookingError;
    private Conversation conversation;
    private ChatConnection connection;

    @BeforeEach
    void wire() throws ChatbotFileException {
        ChatbotDefinition chatbot = new ChatbotFileParser().parse("chatbots/bot/index.ts", "default", "bot", "/**\n * Test bot\n */\nexport default `be brief`\n");
        conversation = Conversation.start("c-1", chatbot, new ChatIdentity("u-1", false, new DatabaseIdentity("authenticated", "u-1", "authenticated", "{}")),
                false);
        connection = new ChatConnection(frames::add, new Caller("u-1", "authenticated", Set.of(), "{}", true), null, "127.0.0.1");
        chatTurn.providers = new ProviderSelector() {
            @Override
            public ChatProvider providerFor(ChatbotDefinition definition) {
                return provider;
            }
        };
        chatTurn.prompts = new PromptBuilder() {
            @Override
            public String systemPrompt(ChatbotDefinition definition, ChatIdentity identity, String knowledge,
                    Function<SettingRef, String> settings) {
                return "be brief";
            }
        };
        chatTurn.toolBox = new ToolBox() {
            @Override
            public List<Tool> toolsFor(ChatbotDefinition definition) {
                return tools;
            }
        };
        chatTurn.retriever = new Retriever() {
            @Override
            public List<SearchRequest> requestsFor(UUID chatbotId, String userId) {
                return List.of();
            }
        };
        chatTurn.admission = new TurnAdmission() {
            @Override
            public TokenReservation admit(Conversation c, QuotaSubject subject, String question, Instant now) {
                return TokenReservation.of(c.chatbot().settings().modelChoice().maxTokens(), now); // every question is admitted
            }
        };
        chatTurn.completion = new TurnCompletion() {
            @Override
            public PseudonymMerge complete(Conversation c, QuotaSubject subject, TurnState turn, Instant now) {
                if (bookingError != null) {
                    throw bookingError;
                }
                if (bookingFailure != null) {
                    throw bookingFailure;
                }
                booked.add(turn);
                return PseudonymMerge.NONE;
            }
        };
        chatTurn.metrics = new ChatMetrics() {
            @Override
            void turnStarted() {
            }

            @Override
            void turnEnded(Outcome outcome, String chatbot, Duration duration) {
                counted.add(outcome);
            }

            @Override
            void retrieved(Duration duration) {
            }
        };
        chatTurn.templates = new TemplateResolver() {
            @Override
            public SettingsSnapshot snapshot(String userId) {
                return SettingsSnapshot.empty();
            }
        };
        chatTurn.clock = new ServerClock();
        chatTurn.shutdown = new ChatShutdown();
        chatTurn.tracing = new TurnTracing(OpenTelemetry.noop().getTracer("test"));
        chatTurn.toolLoop = new ToolLoop(TurnSteps.UNTRACED, 8, 20);
        chatTurn.bookingPatienceMs = 0;
        chatTurn.maxToolResultBytes = 16384;
    }

    private List<JsonObject> turn(ScriptedProvider script) {
        provider = script;
        frames.clear();
        chatTurn.run(connection, conversation, "how many?", new CancelSignal());
        return frames.stream().map(JsonFactories::readObject).toList();
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

    private static void assertEndsWithStreamError(List<JsonObject> frames) {
        JsonObject end = last(frames);
        assertThat(end.getString("type")).isEqualTo("error");
        assertThat(end.getString("code")).isEqualTo("STREAM_ERROR");
        assertThat(end.getString("error")).isEqualTo("The answer could not be completed");
        assertThat(end.getString("conversation_id")).isEqualTo("c-1");
        assertThat(frames).filteredOn(f -> f.getString("type").equals("error") || f.getString("type").equals("done")).hasSize(1);
    }

    @Test
    void aChatbotWhoseRequiredSettingsAreMissingEndsTheTurnBeforeTheProviderOrTheLimits() throws ChatbotFileException {
        ChatbotDefinition chatbot = new ChatbotFileParser().parse("chatbots/bot/index.ts", "default", "bot",
                "/**\n * Test bot\n * @fluxbase:required-settings stripe.endpoint, company.name\n */\nexport default `be brief`\n");
        conversation = Conversation.start("c-1", chatbot, conversation.identity(), false);
        List<String> admitted = new CopyOnWriteArrayList<>();
        TurnAdmission counting = chatTurn.admission;
        chatTurn.admission = new TurnAdmission() {
            @Override
            public TokenReservation admit(Conversation c, QuotaSubject subject, String question, Instant now) {
                admitted.add(question);
                return counting.admit(c, subject, question, now);
            }
        };
        ScriptedProvider script = new ScriptedProvider(text(ROUND, "never"));

        List<JsonObject> frames = turn(script);

        assertThat(frames).singleElement().satisfies(end -> {
            assertThat(end.getString("type")).isEqualTo("error");
            assertThat(end.getString("code")).isEqualTo("SETTINGS_MISSING");
            assertThat(end.getString("error")).contains("stripe.endpoint, company.name");
        });
        assertThat(script.requests).isEmpty();
        assertThat(admitted).isEmpty();
        assertThat(conversation.history()).isEmpty();
    }

    @Test
    void anAnsweredTurnEndsWithDoneAndIsBooked() {
        List<JsonObject> frames = turn(new ScriptedProvider(text(ROUND, "Forty", "-two")));

        assertThat(frames).extracting(f -> f.getString("type")).containsExactly("progress", "progress", "content", "content", "done");
        assertThat(last(frames).getJsonObject("usage").getInt("total_tokens")).isEqualTo(110);
        assertThat(booked).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.done);
            assertThat(t.answer()).isEqualTo("Forty-two");
        });
    }

    @Test
    void aStackOverflowInTheProviderEndsTheTurnWithAnErrorThatIsLoggedWithTheTurnsId() {
        List<JsonObject> frames;
        try (CapturedLog log = new CapturedLog(ChatTurn.class)) {
            frames = turn(new ScriptedProvider(failing(new StackOverflowError())));

            assertThat(log.records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(r.getMessage()).matches(FAILED_TURN);
                assertThat(r.getThrown()).isInstanceOf(StackOverflowError.class);
            });
        }
        assertEndsWithStreamError(frames);
        assertThat(booked).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.error);
            assertThat(t.errorCode()).isEqualTo("STREAM_ERROR");
        });
        assertThat(counted).containsExactly(Outcome.error);

        assertThat(last(turn(new ScriptedProvider(text(ROUND, "Back.")))).getString("type")).as("the conversation goes on").isEqualTo("done");
    }

    @Test
    void anOutOfMemoryErrorInAToolEndsTheTurnWithAnErrorAndBooksWhatItSpent() {
        tools = List.of(new FakeTool("lookup", (call, context) -> {
            context.events().queryResult("SELECT 1", "1 row", 1, List.of());
            throw new OutOfMemoryError("Java heap space");
        }));
        List<JsonObject> frames;
        try (CapturedLog log = new CapturedLog(ChatTurn.class)) {
            frames = turn(new ScriptedProvider(calls(ROUND, new ToolCall("c1", "lookup", "{}")), text(ROUND, "never")));

            assertThat(log.records).extracting(LogRecord::getLevel).containsExactly(Level.SEVERE);
            assertThat(log.records.get(0).getMessage()).matches(FAILED_TURN);
        }
        assertEndsWithStreamError(frames);
        assertThat(booked).singleElement().satisfies(t -> {
            assertThat(t.usage()).isEqualTo(ROUND);
            assertThat(t.queryResultsJson()).as("let go").isNull();
        });
    }

    @Test
    void theLedgerBooksTheProviderAndModelThatAnsweredNotTheChosenOne() {
        ScriptedProvider.Round byFallback = listener -> text(ROUND, "From the fallback.").play(listener).answeredBy("spare", "spare-model");

        turn(new ScriptedProvider(byFallback));

        assertThat(booked).singleElement().satisfies(t -> {
            assertThat(t.providerName()).isEqualTo("spare");
            assertThat(t.model()).isEqualTo("spare-model");
        });
    }

    @Test
    void aRuntimeFailureIsLoggedAsAWarningWithTheTurnsId() {
        List<JsonObject> frames;
        try (CapturedLog log = new CapturedLog(ChatTurn.class)) {
            frames = turn(new ScriptedProvider(failing(new IllegalStateException("bug"))));

            assertThat(log.records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).matches(FAILED_TURN);
            });
        }
        assertEndsWithStreamError(frames);
    }

    @Test
    void anErrorWhileBookingStillEndsTheTurn() {
        bookingError = new StackOverflowError();
        List<JsonObject> frames;
        try (CapturedLog log = new CapturedLog(ChatTurn.class)) {
            frames = turn(new ScriptedProvider(text(ROUND, "Fine.")));

            assertThat(log.records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(r.getMessage()).matches("Could not book the usage of turn [0-9a-f]{8} of conversation c-1");
            });
        }
        assertThat(last(frames).getString("type")).isEqualTo("done");
    }

    @Test
    void eachTurnHasItsOwnId() {
        bookingFailure = new IllegalStateException("pool busy");
        try (CapturedLog log = new CapturedLog(ChatTurn.class)) {
            turn(new ScriptedProvider(text(ROUND, "One.")));
            turn(new ScriptedProvider(text(ROUND, "Two.")));

            assertThat(log.records).extracting(r -> r.getMessage().split(" ")[7]).doesNotHaveDuplicates().hasSize(2);
        }
    }
}
