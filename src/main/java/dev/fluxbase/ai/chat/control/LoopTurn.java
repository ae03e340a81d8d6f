package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * One turn as its {@link ToolLoop} sees it: the model, the tools on offer and the context their calls run in
 * (who asks, the cancel signal, the events, the result size), the settings of each request and the most rounds.
 */
record LoopTurn(ChatProvider provider, List<Tool> tools, ToolContext toolContext, int maxTokens, BigDecimal temperature, int maxRounds) {

    LoopTurn {
        tools = List.copyOf(tools);
    }
}
