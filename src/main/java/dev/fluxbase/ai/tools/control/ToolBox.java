package dev.fluxbase.ai.tools.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.tools.entity.Tool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tools a chatbot offers: those its file declares, among the built-in tools this server has. */
@ApplicationScoped
public class ToolBox {

    @Inject
    @Any
    Instance<Tool> available;

    private Map<String, Tool> byName;

    @PostConstruct
    void index() {
        byName = available.stream().collect(Collectors.toMap(t -> t.definition().name(), Function.identity()));
    }

    public List<Tool> toolsFor(ChatbotDefinition chatbot) {
        return chatbot.settings().toolUse().tools().stream()
                .map(ChatbotTool::toolName)
                .map(byName::get)
                .filter(Objects::nonNull)
                .toList();
    }
}
