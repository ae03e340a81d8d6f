package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.ChatbotSource;
import dev.fluxbase.ai.chatbots.entity.ChatbotsSynced;
import dev.fluxbase.ai.chatbots.entity.ParsedChatbot;
import dev.fluxbase.ai.chatbots.entity.SyncResult;
import dev.fluxbase.ai.chatbots.entity.SyncResult.SyncError;
import dev.fluxbase.ai.mcpservers.control.McpServerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings the stored chatbots of a namespace in line with a set of chatbot files. A chatbot is created
 * when new, updated when its code differs, unchanged otherwise; with {@code deleteMissing}, stored
 * chatbots of the same source that the set lacks are deleted. A dry run computes the same answer and
 * writes nothing. Admin-owned fields (enabled, provider) are never touched.
 */
@ApplicationScoped
@Transactional
public class ChatbotSync {

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String LOCK = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('ai.chatbots.sync'))) AS locked";

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    @Inject
    Event<ChatbotsSynced> synced;

    @Inject
    McpServerStore mcpServers;

    private final ChatbotFileParser parser = new ChatbotFileParser();

    public SyncResult sync(String namespace, List<ChatbotSource> sources, List<SyncError> loadErrors, Chatbot.Source origin,
            boolean dryRun, boolean deleteMissing) {
        // Serialises syncs across server instances, so that two boots never insert the same chatbot twice.
        em.createNativeQuery(LOCK).getSingleResult();
        Outcome outcome = new Outcome(loadErrors);
        Map<String, Chatbot> stored = em.createNamedQuery(Chatbot.IN_NAMESPACE, Chatbot.class)
                .setParameter("namespace", namespace).getResultStream()
                .collect(Collectors.toMap(Chatbot::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Set<String> wanted = new HashSet<>();
        for (ChatbotSource source : sources) {
            wanted.add(source.name());
            parse(namespace, source, outcome).ifPresent(definition -> upsert(definition, stored.get(source.name()), origin, dryRun, outcome));
        }
        if (deleteMissing) {
            stored.values().stream()
                    .filter(chatbot -> !wanted.contains(chatbot.name()) && chatbot.source().equals(origin.name()))
                    .forEach(chatbot -> delete(chatbot, dryRun, outcome));
        }
        if (!dryRun && !(outcome.created.isEmpty() && outcome.updated.isEmpty())) {
            List<String> changed = new ArrayList<>(outcome.created);
            changed.addAll(outcome.updated);
            synced.fire(new ChatbotsSynced(namespace, changed));
        }
        return outcome.result(namespace, dryRun);
    }

    private Optional<ChatbotDefinition> parse(String namespace, ChatbotSource source, Outcome outcome) {
        if (source.name() == null || !VALID_NAME.matcher(source.name()).matches()) {
            outcome.errors.add(new SyncError(source.name(), "Invalid chatbot name: letters, digits, '.', '_' and '-', at most 100", "validate"));
            return Optional.empty();
        }
        if (source.code() == null || source.code().isBlank()) {
            outcome.errors.add(new SyncError(source.name(), "Missing code", "validate"));
            return Optional.empty();
        }
        try {
            ParsedChatbot parsed = parser.read(source.origin(), namespace, source.name(), source.code());
            parsed.warnings().forEach(warning -> outcome.warnings.add(source.name() + ": " + warning));
            UnknownMcpServers.of(source.origin(), source.code(), parsed.definition(), mcpServers::names)
                    .forEach(warning -> outcome.warnings.add(source.name() + ": " + warning));
            return Optional.of(parsed.definition());
        } catch (ChatbotFileException e) {
            outcome.errors.add(new SyncError(source.name(), e.getMessage(), "parse"));
            return Optional.empty();
        }
    }

    private void upsert(ChatbotDefinition definition, Chatbot existing, Chatbot.Source origin, boolean dryRun, Outcome outcome) {
        if (existing == null) {
            outcome.created.add(definition.name());
            if (!dryRun) {
                em.persist(new Chatbot(definition, origin));
            }
        } else if (existing.code().equals(definition.code())) {
            outcome.unchanged.add(definition.name());
        } else {
            outcome.updated.add(definition.name());
            if (!dryRun) {
                existing.apply(definition);
                existing.markUpdated();
            }
        }
    }

    private void delete(Chatbot chatbot, boolean dryRun, Outcome outcome) {
        outcome.deleted.add(chatbot.name());
        if (!dryRun) {
            em.remove(chatbot);
        }
    }

    /** The lists a sync fills in. */
    private static final class Outcome {
        final List<String> created = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<SyncError> errors;
        final List<String> warnings = new ArrayList<>();

        Outcome(List<SyncError> loadErrors) {
            this.errors = new ArrayList<>(loadErrors);
        }

        SyncResult result(String namespace, boolean dryRun) {
            return new SyncResult(namespace, dryRun, created, updated, deleted, unchanged, errors, warnings);
        }
    }
}
