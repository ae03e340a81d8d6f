package dev.fluxbase.ai.chat.control;

import static dev.fluxbase.ai.chat.control.ScriptedProvider.calls;
import static dev.fluxbase.ai.chat.control.ScriptedProvider.failing;
import static dev.fluxbase.ai.chat.control.ScriptedProvider.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.fluxbase.ai.chatbots.entity.AnswerStyle;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatMessage.Role;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tool loop with a scripted provider, fake tools and a recording event sink: no server, no tracer. */
class ToolLoopTest {

    private static final TokenUsage ROUND = new TokenUsage(100, 10);

    private final CancelSignal cancel = new CancelSignal();
    private final RecordingEvents events = new RecordingEvents();
    private final FakeTool lookup = FakeTool.echo("lookup");
    private final List<String> steps = new ArrayList<>();
    private final TurnSteps recordingSteps = new TurnSteps() {
        @Override
        public <T> T step(String name, Supplier<T> work, String... attributes) {
            steps.add(name + " " + String.join(" ", attributes));
            return work.get();
        }
    };
    private ToolLoop loop = new ToolLoop(recordingSteps, 8, 20);
    private int maxResultBytes = 16384;

    private String run(ScriptedProvider provider, int maxRounds, Tool... tools) {
        ToolContext context = new ToolContext(null, "c-1", null, cancel, events, maxResultBytes);
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system("be brief"), ChatMessage.user("how many?")));
        return loop.run(new LoopTurn(provider, List.of(tools), context, 512, new BigDecimal("0.2"), maxRounds), messages, events);
    }

    private static ToolCall call(String id, String arguments) {
        return new ToolCall(id, "lookup", arguments);
    }

    @Test
    void aTextAnswerIsStreamedAndReturned() {
        ScriptedProvider provider = new ScriptedProvider(text(ROUND, "Hel", "lo"));

        assertThat(run(provider, 5, lookup)).isEqualTo("Hello");

        assertThat(events.events).containsExactly("progress generating", "content Hel", "content lo");
        CompletionRequest request = provider.requests.get(0);
        assertThat(request.messages()).extracting(ChatMessage::content).containsExactly("be brief", "how many?");
        assertThat(request.tools()).extracting(ToolDefinition::name).containsExactly("lookup");
        assertThat(request.maxTokens()).isEqualTo(512);
        assertThat(request.temperature()).isEqualByComparingTo("0.2");
        assertThat(steps).as("provider requests are traced by the provider layer").isEmpty();
    }

    @Test
    void toolResultsGoBackToTheModelAndTheNextRoundAnswers() {
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{\"n\":1}"), call("c2", "{\"n\":2}")), text(ROUND, "Two."));

        assertThat(run(provider, 5, lookup)).isEqualTo("Two.");

        assertThat(lookup.calls).extracting(ToolCall::id).containsExactly("c1", "c2");
        assertThat(events.events).containsExactly("progress generating", "tool c1=result of {\"n\":1}", "tool c2=result of {\"n\":2}",
                "progress generating", "content Two.");
        List<ChatMessage> second = provider.requests.get(1).messages();
        assertThat(second).extracting(ChatMessage::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL);
        assertThat(second.get(2).toolCalls()).extracting(ToolCall::id).containsExactly("c1", "c2");
        assertThat(second.subList(3, 5)).extracting(ChatMessage::toolCallId, ChatMessage::content)
                .containsExactly(tuple("c1", "result of {\"n\":1}"), tuple("c2", "result of {\"n\":2}"));
        assertThat(steps).containsExactly(
                "execute_tool lookup gen_ai.operation.name execute_tool gen_ai.tool.name lookup gen_ai.tool.call.id c1 gen_ai.tool.type function",
                "execute_tool lookup gen_ai.operation.name execute_tool gen_ai.tool.name lookup gen_ai.tool.call.id c2 gen_ai.tool.type function");
    }

    @Test
    void usageIsReportedForEveryRoundAndSumsOverThem() {
        ScriptedProvider provider = new ScriptedProvider(calls(new TokenUsage(10, 1), call("c1", "{\"n\":1}")),
                calls(new TokenUsage(20, 2), call("c2", "{\"n\":2}")), text(new TokenUsage(30, 3), "Done."));

        run(provider, 5, lookup);

        assertThat(events.usages).hasSize(3);
        assertThat(events.totalUsage()).isEqualTo(new TokenUsage(60, 6));
    }

    @Test
    void theUsageOfFinishedRoundsIsReportedWhenALaterRoundFails() {
        ScriptedProvider provider = new ScriptedProvider(calls(new TokenUsage(10, 1), call("c1", "{}")), failing(new IllegalStateException("provider down")));

        assertThatThrownBy(() -> run(provider, 5, lookup)).hasMessage("provider down");

        assertThat(events.totalUsage()).isEqualTo(new TokenUsage(10, 1));
    }

    @Test
    void repeatingThePreviousCallStopsTheAnswerAndSaysWhy() {
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{\"n\":1}")),
                listener -> {
                    listener.onContent("Let me look again.");
                    return new CompletionResult("Let me look again.", List.of(call("c2", " {\"n\":1}\n")), ROUND, "tool_calls");
                });

        String answer = run(provider, 5, lookup);

        assertThat(answer).isEqualTo("Let me look again.\n\nThe assistant repeated the same tool call, so the answer was stopped here.");
        assertThat(lookup.calls).extracting(ToolCall::id).containsExactly("c1");
        assertThat(events.events).last().isEqualTo("content \n\nThe assistant repeated the same tool call, so the answer was stopped here.");
        assertThat(provider.requests).hasSize(2);
    }

    @Test
    void theSameToolWithOtherArgumentsIsNoRepetition() {
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{\"n\":1}")), calls(ROUND, call("c2", "{\"n\":2}")), text(ROUND, "ok"));

        assertThat(run(provider, 5, lookup)).isEqualTo("ok");
        assertThat(lookup.calls).hasSize(2);
    }

    @Test
    void theRoundCapEndsTheAnswerWithAReason() {
        ScriptedProvider provider = new ScriptedProvider(IntStream.rangeClosed(1, 4)
                .mapToObj(n -> calls(ROUND, call("c" + n, "{\"n\":" + n + "}"))).toArray(ScriptedProvider.Round[]::new));

        String answer = run(provider, 3, lookup);

        assertThat(answer).isEqualTo("The assistant used its 3 tool rounds without a final answer.");
        assertThat(provider.requests).hasSize(3);
        assertThat(lookup.calls).hasSize(3);
        assertThat(events.usages).hasSize(3);
    }

    @Test
    void anUnknownToolIsToldToTheModelAndTheLoopGoesOn() {
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, new ToolCall("c1", "drop_database", "{}")), text(ROUND, "Sorry."));

        assertThat(run(provider, 5, lookup, FakeTool.echo("fetch"))).isEqualTo("Sorry.");

        assertThat(events.toolResults()).containsExactly("tool c1=Error: unknown tool 'drop_database'. Available tools: lookup, fetch");
        assertThat(provider.requests.get(1).messages()).last().extracting(ChatMessage::toolCallId).isEqualTo("c1");
    }

    @Test
    void aToolThatThrowsEndsTheLoopWithItsFailure() {
        FakeTool broken = new FakeTool("lookup", (call, context) -> {
            throw new IllegalStateException("tool broke");
        });
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{}")), text(ROUND, "never"));

        assertThatThrownBy(() -> run(provider, 5, broken)).isInstanceOf(IllegalStateException.class).hasMessage("tool broke");

        assertThat(provider.requests).hasSize(1);
        assertThat(events.toolResults()).isEmpty();
        assertThat(events.totalUsage()).isEqualTo(ROUND);
    }

    @Test
    void aCancelWhileAToolRunsStopsBeforeTheNextProviderRequest() {
        FakeTool cancelling = new FakeTool("lookup", (call, context) -> {
            context.cancel().cancel();
            return "rows";
        });
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{}")), text(ROUND, "never"));

        assertThatThrownBy(() -> run(provider, 5, cancelling)).isInstanceOf(TurnCancelled.class);

        assertThat(provider.requests).hasSize(1);
        assertThat(events.events).doesNotContain("content never");
    }

    @Test
    void aCancelWhileAToolRunsStopsTheRoundsOtherCalls() {
        FakeTool cancelling = new FakeTool("lookup", (call, context) -> {
            context.cancel().cancel();
            return "rows";
        });
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{\"n\":1}"), call("c2", "{\"n\":2}")));

        assertThatThrownBy(() -> run(provider, 5, cancelling)).isInstanceOf(TurnCancelled.class);

        assertThat(cancelling.calls).extracting(ToolCall::id).containsExactly("c1");
    }

    @Test
    void whatToolsReportReachesTheTurnsEvents() {
        FakeTool querying = new FakeTool("lookup", (call, context) -> {
            context.events().progress("querying", "Running query...");
            context.events().queryResult("SELECT 1", "1 row", 1, List.of());
            return "1 row";
        });
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{}")), text(ROUND, "One."));

        run(provider, 5, querying);

        assertThat(events.events).containsSubsequence("progress querying", "query SELECT 1", "tool c1=1 row");
    }

    @Test
    void callsBeyondTheMostPerRoundAreNotRunAndTheModelIsToldForEach() {
        loop = new ToolLoop(recordingSteps, 2, 20);
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, IntStream.rangeClosed(1, 4)
                .mapToObj(n -> call("c" + n, "{\"n\":" + n + "}")).toArray(ToolCall[]::new)), text(ROUND, "Two of four."));

        assertThat(run(provider, 5, lookup)).isEqualTo("Two of four.");

        assertThat(lookup.calls).extracting(ToolCall::id).containsExactly("c1", "c2");
        List<ChatMessage> second = provider.requests.get(1).messages();
        assertThat(second.subList(3, 7)).extracting(ChatMessage::toolCallId, ChatMessage::content).containsExactly(
                tuple("c1", "result of {\"n\":1}"), tuple("c2", "result of {\"n\":2}"),
                tuple("c3", "Tool call not run: at most 2 tool calls per round."), tuple("c4", "Tool call not run: at most 2 tool calls per round."));
        assertThat(events.toolResults()).hasSize(4);
    }

    @Test
    void callsBeyondTheMostPerAnswerAreNotRunAndTheModelIsTold() {
        loop = new ToolLoop(recordingSteps, 8, 3);
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{\"n\":1}"), call("c2", "{\"n\":2}")),
                calls(ROUND, call("c3", "{\"n\":3}"), call("c4", "{\"n\":4}")), calls(ROUND, call("c5", "{\"n\":5}")), text(ROUND, "Enough."));

        assertThat(run(provider, 5, lookup)).isEqualTo("Enough.");

        assertThat(lookup.calls).extracting(ToolCall::id).containsExactly("c1", "c2", "c3");
        assertThat(events.toolResults()).containsExactly("tool c1=result of {\"n\":1}", "tool c2=result of {\"n\":2}", "tool c3=result of {\"n\":3}",
                "tool c4=Tool call not run: at most 3 tool calls per answer.", "tool c5=Tool call not run: at most 3 tool calls per answer.");
        assertThat(provider.requests).hasSize(4);
        assertThat(provider.requests.get(3).messages()).last().extracting(ChatMessage::toolCallId).isEqualTo("c5");
    }

    @Test
    void aToolResultOverTheCapIsCutAndTheModelIsToldSo() {
        maxResultBytes = 300;
        FakeTool big = new FakeTool("lookup", (call, context) -> "row\n".repeat(1000));
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{}")), text(ROUND, "Many rows."));

        run(provider, 5, big);

        String read = provider.requests.get(1).messages().get(3).content();
        assertThat(read.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(300);
        assertThat(read).startsWith("row\nrow\n").containsPattern("\n…\\[tool result truncated: 3,[0-9]{3} more bytes not shown]$");
        assertThat(events.toolResults()).containsExactly("tool c1=" + read);
    }

    @Test
    void errorsOfTheProviderAndOfToolsAreNotSwallowed() {
        ScriptedProvider deep = new ScriptedProvider(failing(new StackOverflowError("deep")));
        assertThatThrownBy(() -> run(deep, 5, lookup)).isInstanceOf(StackOverflowError.class);

        FakeTool hungry = new FakeTool("lookup", (call, context) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, call("c1", "{}")), text(ROUND, "never"));
        assertThatThrownBy(() -> run(provider, 5, hungry)).isInstanceOf(OutOfMemoryError.class);
        assertThat(events.totalUsage()).isEqualTo(ROUND);
    }

    @Test
    void withReasoningModeReactTheFirstRoundOffersOnlyThinkAndLaterRoundsEveryTool() {
        FakeTool think = FakeTool.echo("think");
        ChatbotDefinition chatbot = new ChatbotDefinition("default", "bot", "code", "prompt", ChatbotSettings.builder()
                .answerStyle(AnswerStyle.defaults().withReasoningMode("react")).build());
        ScriptedProvider provider = new ScriptedProvider(calls(ROUND, new ToolCall("t1", "think", "{\"thought\":\"plan\"}")),
                calls(ROUND, call("c1", "{}")), text(ROUND, "Done."));
        ToolContext context = new ToolContext(chatbot, "c-1", null, cancel, events, maxResultBytes);

        loop.run(new LoopTurn(provider, List.of(lookup, think), context, 512, BigDecimal.ONE, 5),
                new ArrayList<>(List.of(ChatMessage.user("q"))), events);

        assertThat(provider.requests).extracting(request -> request.tools().stream().map(ToolDefinition::name).toList())
                .containsExactly(List.of("think"), List.of("lookup", "think"), List.of("lookup", "think"));
    }

    @Test
    void withoutReasoningModeTheFirstRoundOffersEveryTool() {
        FakeTool think = FakeTool.echo("think");
        ChatbotDefinition chatbot = new ChatbotDefinition("default", "bot", "code", "prompt", ChatbotSettings.builder().build());
        ScriptedProvider provider = new ScriptedProvider(text(ROUND, "Hi."));

        loop.run(new LoopTurn(provider, List.of(lookup, think), new ToolContext(chatbot, "c-1", null, cancel, events, maxResultBytes), 512,
                BigDecimal.ONE, 5), new ArrayList<>(List.of(ChatMessage.user("q"))), events);

        assertThat(provider.requests.get(0).tools()).extracting(ToolDefinition::name).containsExactly("lookup", "think");
    }
}
