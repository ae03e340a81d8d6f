package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.knowledge.control.Retriever;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.providers.control.ProviderSelector;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.tools.control.ToolBox;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.entity.ToolEvents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One question and its answer: admitted against the turn and usage limits, then the tool loop between
 * the provider and the chatbot's tools, then booked. Every turn ends with exactly one {@code done},
 * {@code error} or (when cancelled) {@code cancelled}.
 */
@ApplicationScoped
public class ChatTurn {

    private static final Logger LOG = Logger.getLogger(ChatTurn.class.getName());

    @Inject
    ProviderSelector providers;

    @Inject
    PromptBuilder prompts;

    @Inject
    ToolBox toolBox;

    @Inject
    Retriever retriever;

    @Inject
    TurnAdmission admission;

    @Inject
    TurnCompletion completion;

    @Inject
    ServerClock clock;

    @Inject
    ChatMetrics metrics;

    @Inject
    ChatShutdown shutdown;

    @Inject
    TurnTracing tracing;

    @Inject
    @ConfigProperty(name = "fluxbase.usage.booking-patience-ms", defaultValue = "30000")
    long bookingPatienceMs;

    @Inject
    @ConfigProperty(name = "fluxbase.tools.max-result-bytes", defaultValue = "16384")
    int maxToolResultBytes;

    public void run(ChatConnection connection, Conversation conversation, String content, CancelSignal cancel) {
        metrics.turnStarted();
        TurnState turn = new TurnState(clock.now());
        Span span = tracing.startTurn(conversation.chatbot().name(), conversation.id());
        String ending = null;
        try (Scope scope = span.makeCurrent()) {
            ending = run(connection, conversation, content, cancel, turn);
        } finally {
            // counted and traced before the client hears the end: what it reads next includes this turn
            tracing.endTurn(span, turn.outcome().name(), turn.errorCode());
            metrics.turnEnded(turn.outcome());
            if (ending != null) {
                sendQuietly(connection, ending);
            }
            shutdown.leave(cancel);
        }
    }

    /** @return the frame that ends the turn, or null when the client is gone */
    private String run(ChatConnection connection, Conversation conversation, String content, CancelSignal cancel, TurnState turn) {
        String id = conversation.id();
        QuotaSubject subject = QuotaSubject.of(conversation.identity().userId(), connection.clientAddress());
        String ending;
        try {
            cancel.throwIfCancelled();
            shutdown.enter(cancel);
            turn.admitted(tracing.step(TurnTracing.LIMITS, () -> admission.admit(conversation, subject, content, clock.now())));
            conversation.recordQuestion(ChatMessage.user(content));
            connection.send(ServerFrames.progress(id, "thinking", "Thinking..."));
            answer(connection, conversation, content, turn, cancel);
            ending = ServerFrames.done(id, turn.usage());
        } catch (TurnCancelled e) {
            if (shutdown.endedByShutdown(cancel)) {
                turn.failed(ChatException.SHUTTING_DOWN);
                ending = errorFrame(id, ChatShutdown.refusal());
            } else {
                turn.cancelled();
                ending = ServerFrames.cancelled(id);
            }
        } catch (CodedException e) {
            turn.failed(e.code());
            ending = errorFrame(id, e);
        } catch (UncheckedIOException e) {
            cancel.cancel(); // the client is gone: nothing left to tell it
            turn.cancelled();
            ending = null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat turn failed", e);
            turn.failed(ChatException.STREAM_ERROR);
            ending = ServerFrames.error(id, ChatException.STREAM_ERROR, "The answer could not be completed");
        }
        complete(conversation, subject, turn);
        return ending;
    }

    /** A limit's refusal says when trying again can help. */
    static String errorFrame(String conversationId, CodedException e) {
        if (e instanceof QuotaExceeded limit && limit.retryAfterSeconds().isPresent()) {
            return ServerFrames.error(conversationId, e.code(), e.getMessage(), limit.retryAfterSeconds().getAsLong());
        }
        return ServerFrames.error(conversationId, e.code(), e.getMessage());
    }

    /**
     * Usage is booked before the client hears the turn ended, so that what it was told is what was booked.
     * An admitted turn is booked persistently ({@link BookingAttempts}): it holds a reservation of the
     * budget and may have used tokens. One refused (the database may be what refused it) is tried once.
     */
    private void complete(Conversation conversation, QuotaSubject subject, TurnState turn) {
        Duration patience = turn.isAdmitted() ? Duration.ofMillis(bookingPatienceMs) : Duration.ZERO;
        try {
            BookingAttempts.book(() -> completion.complete(conversation, subject, turn, clock.now()), patience, BookingAttempts.SLEEP);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not book the usage of a turn of conversation " + conversation.id(), e);
        }
    }

    private void answer(ChatConnection connection, Conversation conversation, String content, TurnState turn, CancelSignal cancel) {
        ChatbotDefinition chatbot = conversation.chatbot();
        ChatProvider provider = providers.providerFor(chatbot);
        turn.provider(provider.name(), provider.model());
        List<Tool> tools = toolBox.toolsFor(chatbot);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompts.systemPrompt(chatbot, conversation.identity(), knowledge(connection, conversation, content))));
        messages.addAll(conversation.history());
        ToolLoop loop = new ToolLoop(connection, conversation, tools, turn, cancel);
        String answer = loop.run(provider, messages, chatbot.settings().maxIterations());
        conversation.recordAnswer(ChatMessage.assistant(answer));
        turn.answered(answer);
    }

    /** Retrieved context for the question, announced with a {@code retrieving} frame when the chatbot has knowledge bases. */
    private String knowledge(ChatConnection connection, Conversation conversation, String question) {
        List<SearchRequest> requests = retriever.requestsFor(conversation.chatbot().id());
        if (requests.isEmpty()) {
            return "";
        }
        connection.send(ServerFrames.progress(conversation.id(), "retrieving", "Searching the knowledge base..."));
        return tracing.step(TurnTracing.RETRIEVAL, () -> retriever.context(question, requests).orElse(""));
    }

    /** The rounds of one turn: call the model, run the tools it asks for, repeat until it answers. */
    private final class ToolLoop implements ToolEvents {
        private final ChatConnection connection;
        private final Conversation conversation;
        private final List<Tool> tools;
        private final TurnState turn;
        private final CancelSignal cancel;
        private final StringBuilder answer = new StringBuilder();
        private String previousCall;

        ToolLoop(ChatConnection connection, Conversation conversation, List<Tool> tools, TurnState turn, CancelSignal cancel) {
            this.connection = connection;
            this.conversation = conversation;
            this.tools = tools;
            this.turn = turn;
            this.cancel = cancel;
        }

        String run(ChatProvider provider, List<ChatMessage> messages, int maxIterations) {
            for (int round = 1; round <= maxIterations; round++) {
                progress("generating", "Generating response...");
                CompletionResult result = tracing.step(TurnTracing.PROVIDER, () -> provider.stream(request(messages), this::content, cancel),
                        "fluxbase.provider", provider.name(), "fluxbase.model", provider.model());
                turn.add(result.usage());
                if (result.toolCalls().isEmpty()) {
                    return answer.toString();
                }
                messages.add(ChatMessage.assistant(result.content(), result.toolCalls()));
                if (!runTools(result.toolCalls(), messages)) {
                    return stop("The assistant repeated the same tool call, so the answer was stopped here.");
                }
            }
            return stop("The assistant used its " + maxIterations + " tool rounds without a final answer.");
        }

        /** @return false when the model repeated its previous call with the same arguments */
        private boolean runTools(List<ToolCall> calls, List<ChatMessage> messages) {
            for (ToolCall call : calls) {
                String signature = call.name() + " " + call.arguments().strip();
                if (signature.equals(previousCall)) {
                    return false;
                }
                previousCall = signature;
                cancel.throwIfCancelled();
                messages.add(ChatMessage.tool(call, tracing.step(TurnTracing.TOOL, () -> runTool(call), "fluxbase.tool", call.name())));
            }
            return true;
        }

        private String runTool(ToolCall call) {
            return toolBox.find(tools, call.name())
                    .map(tool -> tool.run(call, new ToolContext(conversation.chatbot(), conversation.id(),
                            conversation.identity().database(), cancel, this, toolResultBytes())))
                    .orElse("Error: unknown tool '" + call.name() + "'. Available tools: "
                            + String.join(", ", tools.stream().map(t -> t.definition().name()).toList()));
        }

        private int toolResultBytes() {
            Integer chatbotCap = conversation.chatbot().settings().maxToolResultBytes();
            return chatbotCap == null ? maxToolResultBytes : chatbotCap;
        }

        private CompletionRequest request(List<ChatMessage> messages) {
            ChatbotDefinition chatbot = conversation.chatbot();
            return new CompletionRequest(messages, tools.stream().map(Tool::definition).toList(),
                    chatbot.settings().maxTokens(), chatbot.settings().temperature());
        }

        private String stop(String reason) {
            content((answer.length() == 0 ? "" : "\n\n") + reason);
            return answer.toString();
        }

        private void content(String delta) {
            answer.append(delta);
            connection.send(ServerFrames.content(conversation.id(), delta));
        }

        @Override
        public void progress(String step, String message) {
            connection.send(ServerFrames.progress(conversation.id(), step, message));
        }

        @Override
        public void queryResult(String query, String summary, int rowCount, List<JsonObject> data) {
            turn.queryResult(query, summary, rowCount, data);
            connection.send(ServerFrames.queryResult(conversation.id(), query, summary, rowCount, data));
        }
    }

    private static void sendQuietly(ChatConnection connection, String frame) {
        try {
            connection.send(frame);
        } catch (UncheckedIOException e) {
            // the client is gone
        }
    }
}
