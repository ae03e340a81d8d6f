package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotSource;
import dev.fluxbase.ai.chatbots.entity.SyncResult;
import dev.fluxbase.ai.chatbots.entity.SyncResult.SyncError;
import dev.fluxbase.ai.platform.entity.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the chatbots directory into the database at boot, and runs syncs for the admin API. */
@ApplicationScoped
public class ChatbotLibrary {

    private static final Logger LOG = Logger.getLogger(ChatbotLibrary.class.getName());

    @Inject
    @ConfigProperty(name = "fluxbase.chatbots.dir", defaultValue = "chatbots")
    String directory;

    @Inject
    ChatbotSync sync;

    /** Creates and updates every chatbot on disk, in every namespace; deletes nothing. */
    void loadAtBoot(@Observes SchemaReady ready) {
        Path root = root();
        ChatbotDirectory.Contents contents = ChatbotDirectory.read(root);
        Map<String, List<ChatbotSource>> byNamespace = contents.sources().stream()
                .collect(Collectors.groupingBy(ChatbotSource::namespace, TreeMap::new, Collectors.toList()));
        contents.errors().forEach(error -> LOG.warning("Chatbot skipped: " + error.error()));
        try {
            byNamespace.forEach((namespace, sources) -> report(sync.sync(namespace, sources, List.of(), Chatbot.Source.filesystem, false, false)));
            LOG.info(() -> "Loaded " + contents.sources().size() + " chatbot file(s) from " + root);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not load the chatbots from " + root, e);
        }
    }

    public SyncResult syncFilesystem(String namespace, boolean dryRun, boolean deleteMissing) {
        ChatbotDirectory.Contents contents = ChatbotDirectory.read(root());
        List<ChatbotSource> sources = contents.sources().stream().filter(s -> s.namespace().equals(namespace)).toList();
        return sync.sync(namespace, sources, contents.errors(), Chatbot.Source.filesystem, dryRun, deleteMissing);
    }

    public SyncResult syncPayload(String namespace, List<ChatbotSource> sources, boolean dryRun, boolean deleteMissing) {
        return sync.sync(namespace, sources, List.of(), Chatbot.Source.api, dryRun, deleteMissing);
    }

    private Path root() {
        return Path.of(directory).toAbsolutePath().normalize();
    }

    private static void report(SyncResult result) {
        for (SyncError error : result.errors()) {
            LOG.warning("Chatbot skipped: " + error.error());
        }
        result.warnings().forEach(warning -> LOG.warning("Chatbot loaded with a warning: " + warning));
        LOG.info(() -> "Namespace " + result.namespace() + ": " + result.created().size() + " created, " + result.updated().size()
                + " updated, " + result.unchanged().size() + " unchanged, " + result.errors().size() + " skipped");
    }
}
