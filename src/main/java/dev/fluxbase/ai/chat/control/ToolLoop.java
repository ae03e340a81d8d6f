package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.tools.entity.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The rounds of one turn: ask the model, run the tools it calls and hand it their results, until it answers.
 * It stops early, and says so in the answer, when the model repeats its previous call or uses up its rounds.
 * What the client should hear goes to the turn's {@link TurnEvents}; a failure (a cancelled turn, a provider
 * or a tool that throws) ends the loop and is left to the caller, which ends the turn.
 */
@ApplicationScoped
public class ToolLoop {

    @Inject
    TurnSteps steps;

    ToolLoop() {
    }

    ToolLoop(TurnSteps steps) {
        this.steps = steps;
    }

    /**
     * @param messages the conversation so far, system prompt first; the rounds' assistant and tool messages are added
     * @return the answer, as streamed to {@code events}
     */
    String run(LoopTurn turn, List<ChatMessage> messages, TurnEvents events) {
        return new Rounds(turn, messages, events).run();
    }

    /** The state of one run: the answer so far and the previous tool call. */
    private final class Rounds {
        private final LoopTurn turn;
        private final List<ChatMessage> messages;
        private final TurnEvents events;
        private final CancelSignal cancel;
        private final StringBuilder answer = new StringBuilder();
        private String previousCall;

        Rounds(LoopTurn turn, List<ChatMessage> messages, TurnEvents events) {
            this.turn = turn;
            this.messages = messages;
            this.events = events;
            this.cancel = turn.toolContext().cancel();
        }

        String run() {
            ChatProvider provider = turn.provider();
            for (int round = 1; round <= turn.maxRounds(); round++) {
                events.progress("generating", "Generating response...");
                cancel.throwIfCancelled();
                CompletionResult result = steps.step(TurnTracing.PROVIDER, () -> provider.stream(request(), this::content, cancel),
                        "fluxbase.provider", provider.name(), "fluxbase.model", provider.model());
                events.usage(result.usage());
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
            for (ToolCall call : calls) {
                String signature = call.name() + " " + call.arguments().strip();
                if (signature.equals(previousCall)) {
                    return false;
                }
                previousCall = signature;
                cancel.throwIfCancelled();
                answerCall(call, steps.step(TurnTracing.TOOL, () -> runTool(call), "fluxbase.tool", call.name()));
            }
            return true;
        }

        private String runTool(ToolCall call) {
            return turn.tools().stream().filter(t -> t.definition().name().equals(call.name())).findFirst()
                    .map(tool -> tool.run(call, turn.toolContext()))
                    .orElseGet(() -> "Error: unknown tool '" + call.name() + "'. Available tools: "
                            + String.join(", ", turn.tools().stream().map(t -> t.definition().name()).toList()));
        }

        private void answerCall(ToolCall call, String result) {
            messages.add(ChatMessage.tool(call, result));
            events.toolResult(call, result);
        }

        private CompletionRequest request() {
            return new CompletionRequest(messages, turn.tools().stream().map(Tool::definition).toList(), turn.maxTokens(), turn.temperature());
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
