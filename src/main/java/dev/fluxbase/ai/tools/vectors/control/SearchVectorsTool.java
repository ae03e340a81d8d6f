package dev.fluxbase.ai.tools.vectors.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.control.KnowledgeContext;
import dev.fluxbase.ai.knowledge.control.KnowledgeSearch;
import dev.fluxbase.ai.knowledge.control.Retriever;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.ProgressSteps;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolArguments;
import dev.fluxbase.ai.tools.entity.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Fluxbase's {@code search_vectors}: semantic search over the knowledge bases linked to the chatbot (and only those),
 * each with its link's limits unless the call gives its own. The model reads the chunks marked as data.
 */
@ApplicationScoped
public class SearchVectorsTool implements Tool {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 20;
    private static final Logger LOG = Logger.getLogger(SearchVectorsTool.class.getName());
    private static final String SCHEMA = """
            {"type": "object",
             "properties": {
               "query": {"type": "string", "description": "What to search for, in natural language"},
               "knowledge_bases": {"type": "array", "items": {"type": "string"}, "description": "Only these knowledge bases (names); all linked ones when left out"},
               "limit": {"type": "integer", "description": "Maximum number of results (default 5, at most 20)", "default": 5, "maximum": 20},
               "threshold": {"type": "number", "description": "Least similarity from 0 to 1 (default: the knowledge base's)"}
             },
             "required": ["query"]}""";

    @Inject
    Retriever retriever;

    @Inject
    KnowledgeSearch search;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    private final ToolDefinition definition;

    public SearchVectorsTool() {
        this("search_vectors");
    }

    SearchVectorsTool(String name) {
        this.definition = new ToolDefinition(name, "Semantic search over the assistant's knowledge-base documents. Use it for "
                + "conceptual or descriptive questions whose answer depends on document content; not for counting or filtering records.",
                JsonFactories.readObject(SCHEMA));
    }

    @Override
    public ToolDefinition definition() {
        return definition;
    }

    @Override
    public String run(ToolCall call, ToolContext context) {
        try {
            JsonFields arguments = ToolArguments.parse(call.arguments());
            String query = arguments.requiredText("query");
            List<SearchRequest> requests = requests(context.chatbot(), context.identity().documentOwner(), arguments);
            if (requests.isEmpty()) {
                return "No knowledge base to search: none " + (arguments.has("knowledge_bases") ? "of those named " : "")
                        + "is linked to this assistant and enabled.";
            }
            context.events().progress(ProgressSteps.RETRIEVING, "Searching the knowledge base...");
            int limit = arguments.integer("limit").map(l -> Math.max(1, Math.min(MAX_LIMIT, l))).orElse(DEFAULT_LIMIT);
            List<SearchHit> hits = search.search(query, requests).stream().limit(limit).toList();
            return hits.isEmpty() ? "No document of the knowledge base matches this search." : KnowledgeContext.format(hits);
        } catch (ToolArguments.Invalid e) {
            return e.toolResult();
        } catch (RuntimeException e) {
            context.cancel().throwIfCancelled();
            LOG.log(Level.WARNING, "search_vectors failed for chatbot {0}: {1}", new Object[] {context.chatbot().qualifiedName(), e.getMessage()});
            return "Error: the knowledge base could not be searched just now.";
        }
    }

    /** The chatbot's linked knowledge bases as this user may search them, those named when the call names some, with the call's limits. */
    private List<SearchRequest> requests(ChatbotDefinition chatbot, String user, JsonFields arguments) {
        Optional<Set<String>> named = arguments.strings("knowledge_bases").filter(names -> !names.isEmpty())
                .map(names -> names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        int limit = arguments.integer("limit").map(l -> Math.max(1, Math.min(MAX_LIMIT, l))).orElse(-1);
        Optional<Double> threshold = arguments.number("threshold", 0, 1);
        return retriever.requestsFor(chatbot.id(), user).stream()
                .filter(request -> named.isEmpty() || knowledgeBases.find(request.knowledgeBaseId()).map(KnowledgeBase::name)
                        .map(name -> named.get().contains(name.toLowerCase(Locale.ROOT))).orElse(false))
                .map(request -> request.withLimits(limit > 0 ? limit : request.maxChunks(), threshold.orElse(request.threshold())))
                .toList();
    }
}
