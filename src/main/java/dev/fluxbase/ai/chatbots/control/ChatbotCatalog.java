package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The chatbots this server serves, loaded from the chatbots directory at boot. */
@ApplicationScoped
public class ChatbotCatalog {

    private static final Logger LOG = Logger.getLogger(ChatbotCatalog.class.getName());

    @Inject
    @ConfigProperty(name = "fluxbase.chatbots.dir", defaultValue = "chatbots")
    String directory;

    private final Map<String, ChatbotDefinition> byQualifiedName = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        Path root = Path.of(directory).toAbsolutePath();
        ChatbotDirectory.Loaded loaded = new ChatbotDirectory().load(root);
        loaded.errors().forEach(error -> LOG.warning("Chatbot skipped: " + error.getMessage()));
        loaded.chatbots().forEach(chatbot -> byQualifiedName.put(chatbot.qualifiedName(), chatbot));
        LOG.info(() -> "Loaded " + loaded.chatbots().size() + " chatbot(s) from " + root
                + (loaded.errors().isEmpty() ? "" : ", " + loaded.errors().size() + " skipped"));
    }

    public Optional<ChatbotDefinition> find(String namespace, String name) {
        return Optional.ofNullable(byQualifiedName.get(namespace + "/" + name));
    }
}
