package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.observability.entity.GenAi;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.tools.control.ToolResultCap;
import dev.fluxbase.ai.tools.entity.ProgressSteps;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rounds of one turn: ask the model, run the tools it calls and hand it their results, until it answers.
 * It stops early, and says so in the answer, when the model repeats its previous call or uses up its rounds.
 * Tool calls beyond the most per round or per turn are not run; the model reads why, as the result of each
 * (every call needs a result, providers refuse a conversation without). Every result it reads is cut to the
 * turn's {@link ToolContext#maxResultBytes()}. What the client should hear goes to the turn's {@link TurnEvents};
 * a failure (a cancelled turn, a provider or a tool that throws) ends the loop and is left to the caller.
 */
@ApplicationScoped
public class ToolLoop {

    private static final String THINK = ChatbotTool.THINK.toolName();

    @Inject
    TurnSteps steps;

    @Inject
    @ConfigProperty(name = "fluxbase.tools.max-calls-per-round", defaultValue = "8")
    int maxCallsPerRound;

    @Inject
    @ConfigProperty(name = "fluxbase.tools.max-calls-per-turn", defaultValue = "20")
    int maxCallsPerTurn;

    ToolLoop() {
    }

    ToolLoop(TurnSteps steps, int maxCallsPerRound, int maxCallsPerTurn) {
        this.steps = steps;
        this.maxCallsPerRound = maxCallsPerRound;
        this.maxCallsPerTurn = maxCallsPerTurn;
    }

    /**
     * @param messages the conversation so far, system prompt first; the rounds' assistant and tool messages are added
     * @return the answer, as streamed to {@code events}
     */
    String run(LoopTurn turn, List<ChatMessage> messages, TurnEvents events) {
        return new Rounds(turn, messages, events).run();
    }

    /** The state of one run: the answer so far, the previous tool call and how many calls ran. */
    private final class Rounds {
        private final LoopTurn turn;
        private final List<ChatMessage> messages;
        private final TurnEvents events;
        private final CancelSignal cancel;
        private final StringBuilder answer = new StringBuilder();
        private String previousCall;
        private int callsRun;

        Rounds(LoopTurn turn, List<ChatMessage> messages, TurnEvents events) {
            this.turn = turn;
            this.messages = messages;
            this.events = events;
            this.cancel = turn.toolContext().cancel();
        }

        String run() {
            ChatProvider provider = turn.provider();
            for (int round = 1; round <= turn.maxRounds(); round++) {
                events.progress(ProgressSteps.GENERATING, "Generating response...");
                cancel.throwIfCancelled();
                CompletionRequest request = request(round);
                // the provider layer traces each request it sends (retries and fallbacks apart) as a GenAI chat span
                CompletionResult result = provider.stream(request, this::content, cancel);
                events.answered(result);
                if (result.toolCalls().isEmpty()) {
                    return answer.toString();
                }
                messages.add(ChatMessage.assistant(result.content(), result.toolCalls()));
                if (!runTools(result.toolCalls())) {
                    return stop("The assistant repeated the same tool call, so the answer was stopped here.");
                }
            }
            return stop("The assistant used its " + turn.maxRounds() + " tool rounds without a final answer.");
        }

        /** @return false when the model repeated its previous call with the same arguments */
        private boolean runTools(List<ToolCall> calls) {
            for (int i = 0; i < calls.size(); i++) {
                ToolCall call = calls.get(i);
                String refusal = refusal(i);
                if (refusal != null) {
                    answerCall(call, refusal);
                    continue;
                }
                String signature = call.name() + " " + call.arguments().strip();
                if (signature.equals(previousCall)) {
                    return false;
                }
                previousCall = signature;
                cancel.throwIfCancelled();
                callsRun++;
                answerCall(call, steps.step(GenAi.EXECUTE_TOOL + " " + call.name(), () -> runTool(call), GenAi.OPERATION_NAME, GenAi.EXECUTE_TOOL,
                        GenAi.TOOL_NAME, call.name(), GenAi.TOOL_CALL_ID, call.id(), GenAi.TOOL_TYPE, "function"));
            }
            return true;
        }

        /** Why the call at this place of its round is not run, or null when it is. */
        private String refusal(int placeInRound) {
            if (placeInRound >= maxCallsPerRound) {
                return "Tool call not run: at most " + maxCallsPerRound + " tool calls per round.";
            }
            if (callsRun >= maxCallsPerTurn) {
                return "Tool call not run: at most " + maxCallsPerTurn + " tool calls per answer.";
            }
            return null;
        }

        private String runTool(ToolCall call) {
            Optional<String> broken = turn.toolContext().intents().toolProblem(call.name());
            if (broken.isPresent()) {
                return "Tool call not run: " + broken.get();
            }
            return turn.tools().stream().filter(t -> t.definition().name().equals(call.name())).findFirst()
                    .map(tool -> tool.run(call, turn.toolContext()))
                    .orElseGet(() -> "Error: unknown tool '" + call.name() + "'. Available tools: "
                            + String.join(", ", turn.tools().stream().map(t -> t.definition().name()).toList()));
        }

        private void answerCall(ToolCall call, String result) {
            String read = ToolResultCap.cut(result == null ? "" : result, turn.toolContext().maxResultBytes());
            messages.add(ChatMessage.tool(call, read));
            events.toolResult(call, read);
        }

        private CompletionRequest request(int round) {
            return new CompletionRequest(messages, offered(round).stream().map(Tool::definition).toList(), turn.maxTokens(), turn.temperature());
        }

        /**
         * {@code @fluxbase:reasoning-mode react} or {@code strict}: the first round offers the think tool alone, as Fluxbase
         * does (its strict mode is react's); a call of another tool that the model makes anyway still runs.
         */
        private List<Tool> offered(int round) {
            ChatbotDefinition chatbot = turn.toolContext().chatbot();
            if (round > 1 || chatbot == null || !chatbot.settings().answerStyle().thinksFirst()) {
                return turn.tools();
            }
            List<Tool> think = turn.tools().stream().filter(tool -> tool.definition().name().equals(THINK)).toList();
            return think.isEmpty() ? turn.tools() : think;
        }

        private String stop(String reason) {
            content((answer.length() == 0 ? "" : "\n\n") + reason);
            return answer.toString();
        }

        private void content(String delta) {
            answer.append(delta);
            events.content(delta);
        }
    }
}
