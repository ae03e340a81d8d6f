package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.IntentChecks;
import dev.fluxbase.ai.chatbots.entity.ModelChoice;
import dev.fluxbase.ai.chatbots.entity.WebAccess;
import dev.fluxbase.ai.knowledge.control.Retriever;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.observability.control.TurnLogContext;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ConnectionFailure;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.providers.control.ProviderSelector;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import dev.fluxbase.ai.settings.control.SettingsSnapshot;
import dev.fluxbase.ai.settings.control.TemplateResolver;
import dev.fluxbase.ai.tools.control.ToolBox;
import dev.fluxbase.ai.tools.entity.ProgressSteps;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.sql.entity.PseudonymMerge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One question and its answer: admitted against the turn and usage limits, then the tool loop between
 * the provider and the chatbot's tools, then booked. Every turn ends with exactly one {@code done},
 * {@code error} or (when cancelled) {@code cancelled}, whatever fails inside it, an {@link Error} included.
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
    ToolLoop toolLoop;

    @Inject
    TemplateResolver templates;

    @Inject
    @ConfigProperty(name = "fluxbase.usage.booking-patience-ms", defaultValue = "30000")
    long bookingPatienceMs;

    @Inject
    @ConfigProperty(name = "fluxbase.tools.max-result-bytes", defaultValue = "16384")
    int maxToolResultBytes;

    public void run(ChatConnection connection, Conversation conversation, String content, CancelSignal cancel) {
        metrics.turnStarted();
        long started = System.nanoTime();
        TurnState turn = new TurnState(TurnState.newId(), clock.now());
        ChatbotDefinition chatbot = conversation.chatbot();
        Span span = tracing.startTurn(chatbot.namespace(), chatbot.name(), conversation.id(), turn.id());
        TurnLogContext.enter(turn.id(), conversation.id(), chatbot.name());
        String ending = null;
        try (Scope scope = span.makeCurrent()) {
            ending = run(connection, conversation, content, cancel, turn);
        } catch (Throwable e) {
            // the turn handles its own failures: this is one in the handling, and the client still hears the end
            ending = failed(conversation.id(), turn, e);
        } finally {
            try {
                // counted and traced before the client hears the end: what it reads next includes this turn
                tracing.endTurn(span, turn.outcome().name(), turn.errorCode());
                metrics.turnEnded(turn.outcome(), chatbot.name(), Duration.ofNanos(System.nanoTime() - started));
            } finally {
                TurnLogContext.leave();
                end(connection, ending, cancel);
            }
        }
    }

    private void end(ChatConnection connection, String ending, CancelSignal cancel) {
        try {
            if (ending != null) {
                connection.sendQuietly(ending);
            }
        } finally {
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
            SettingsSnapshot settings = templates.snapshot(settingsOwner(conversation.identity()));
            // a chatbot that cannot answer this user refuses before the question counts anywhere
            templates.requireAll(conversation.chatbot().settings().requiredSettings().keys(), settings);
            turn.admitted(tracing.step(TurnTracing.LIMITS, () -> admit(conversation, subject, content)));
            conversation.recordQuestion(ChatMessage.user(content));
            TurnFrames events = new TurnFrames(connection, id, turn);
            events.progress(ProgressSteps.THINKING, "Thinking...");
            answer(events, conversation, content, turn, cancel, settings);
            ending = ServerFrames.done(id, turn.usage(), conversation.pseudonyms().revealedIn(turn.answer()));
        } catch (TurnCancelled e) {
            if (shutdown.endedByShutdown(cancel)) {
                turn.failed(ErrorCodes.SHUTTING_DOWN);
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
        } catch (Throwable e) {
            // an Error too (StackOverflowError, OutOfMemoryError): the turn must end, and its usage be booked
            ending = failed(id, turn, e);
        }
        complete(conversation, subject, turn);
        return ending;
    }

    /**
     * The pool checks connections without a query, so one that a database outage broke while it was idle
     * fails on its first use; the pool then replaces its connections, and one more try gets a working one.
     * The admission is the first statement of most turns. Were a connection to break just as its commit
     * is answered, the message would count twice: rare enough, and only ever one message more.
     */
    private TokenReservation admit(Conversation conversation, QuotaSubject subject, String content) {
        try {
            return admission.admit(conversation, subject, content, clock.now());
        } catch (RuntimeException e) {
            if (!ConnectionFailure.in(e)) {
                throw e;
            }
            LOG.fine(() -> "Admission on a broken connection, trying once more: " + e);
            return admission.admit(conversation, subject, content, clock.now());
        }
    }

    /**
     * Ends a turn that failed unexpectedly. The frame is made before the failure is logged: after an
     * OutOfMemoryError the turn's own memory is free again (its messages and answer were the loop's), logging may not be.
     */
    private static String failed(String conversationId, TurnState turn, Throwable e) {
        turn.failed(ErrorCodes.STREAM_ERROR);
        String ending = ServerFrames.error(conversationId, ErrorCodes.STREAM_ERROR, "The answer could not be completed");
        log(e instanceof Error ? Level.SEVERE : Level.WARNING, "Chat turn " + turn.id() + " of conversation " + conversationId + " failed", e);
        return ending;
    }

    private static void log(Level level, String message, Throwable e) {
        try {
            LOG.log(level, message, e);
        } catch (Throwable logging) {
            // nothing left to tell it to; the turn still ends
        }
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
            AtomicReference<PseudonymMerge> stored = new AtomicReference<>(PseudonymMerge.NONE);
            BookingAttempts.book(() -> stored.set(completion.complete(conversation, subject, turn, clock.now())), patience, BookingAttempts.SLEEP);
            conversation.pseudonymsStored(stored.get()); // only now: an attempt that rolled back stored nothing
        } catch (Throwable e) {
            log(e instanceof Error ? Level.SEVERE : Level.WARNING,
                    "Could not book the usage of turn " + turn.id() + " of conversation " + conversation.id(), e);
        }
    }

    private void answer(TurnFrames events, Conversation conversation, String content, TurnState turn, CancelSignal cancel,
            SettingsSnapshot settings) {
        ChatbotDefinition chatbot = withResolvedDomains(conversation.chatbot(), settings);
        ChatProvider provider = providers.providerFor(chatbot);
        turn.provider(provider.name(), provider.model());
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompts.systemPrompt(chatbot, conversation.identity(), knowledge(events, conversation, content),
                templates.forModel(settings, chatbot.qualifiedName()))));
        messages.addAll(conversation.history());
        IntentChecks intents = new IntentChecks(chatbot.settings().queryRules(), content);
        ToolContext tools = new ToolContext(chatbot, conversation.id(), conversation.identity().database(), cancel, events,
                toolResultBytes(chatbot), intents, conversation.pseudonyms());
        ModelChoice model = chatbot.settings().modelChoice();
        List<Tool> offered = toolBox.toolsFor(chatbot).stream().filter(tool -> !intents.forbiddenTools().contains(tool.definition().name())).toList();
        String answer = toolLoop.run(new LoopTurn(provider, offered, tools, model.maxTokens(), model.temperature(),
                chatbot.settings().toolUse().maxIterations()), messages, events);
        conversation.recordAnswer(ChatMessage.assistant(answer));
        turn.answered(answer);
    }

    /** The hosts the LLM is told of and http_get may fetch, with the settings they name resolved for this user. */
    private ChatbotDefinition withResolvedDomains(ChatbotDefinition chatbot, SettingsSnapshot settings) {
        WebAccess web = chatbot.settings().webAccess();
        return web.isEmpty() ? chatbot
                : chatbot.withWebAccess(web.withAllowedDomains(templates.forModel(web.allowedDomains(), settings, chatbot.qualifiedName())));
    }

    /** Anonymous users have no settings, nor documents, of their own. */
    private static String settingsOwner(ChatIdentity identity) {
        return identity.anonymous() ? null : identity.userId();
    }

    private int toolResultBytes(ChatbotDefinition chatbot) {
        Integer chatbotCap = chatbot.settings().toolUse().maxResultBytes();
        return chatbotCap == null ? maxToolResultBytes : chatbotCap;
    }

    /** Retrieved context for the question, announced with a {@code retrieving} frame when the chatbot has knowledge bases. */
    private String knowledge(TurnFrames events, Conversation conversation, String question) {
        List<SearchRequest> requests = retriever.requestsFor(conversation.chatbot().id(), settingsOwner(conversation.identity()));
        if (requests.isEmpty()) {
            return "";
        }
        events.progress(ProgressSteps.RETRIEVING, "Searching the knowledge base...");
        long started = System.nanoTime();
        try {
            return tracing.step(TurnTracing.RETRIEVAL, () -> retriever.context(question, requests,
                    conversation.chatbot().settings().retrieval().maxChunks()).orElse(""));
        } finally {
            metrics.retrieved(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
