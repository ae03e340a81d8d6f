package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The tools a chatbot offers and how far the tool loop may go: provider rounds per turn, the bytes of one tool
 * result the model reads ({@code maxResultBytes} null: the server's default applies), and whether its executions are
 * written to the audit log ({@code @fluxbase:disable-execution-logs} turns that off; usage is booked either way).
 */
@Embeddable
public class ToolUse {

    /** Below this a tool result could not even say why it was cut. */
    public static final int MIN_RESULT_BYTES = 256;

    /** By {@link ChatbotTool#toolName()}, as the column and the JSON hold them. */
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "tools")
    private List<String> tools;
    @Column(name = "max_iterations")
    private int maxIterations;
    @Column(name = "max_tool_result_bytes")
    private Integer maxResultBytes;
    @Column(name = "execution_logs")
    private boolean executionLogs;

    protected ToolUse() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static ToolUse defaults() {
        return new ToolUse(List.of(ChatbotTool.EXECUTE_SQL), 5, null, true);
    }

    private ToolUse(List<ChatbotTool> tools, int maxIterations, Integer maxResultBytes, boolean executionLogs) {
        this.tools = new LinkedHashSet<>(tools).stream().map(ChatbotTool::toolName).toList();
        this.maxIterations = Bounds.atLeast(1, maxIterations);
        this.maxResultBytes = maxResultBytes == null ? null : Bounds.atLeast(MIN_RESULT_BYTES, maxResultBytes);
        this.executionLogs = executionLogs;
    }

    public List<ChatbotTool> tools() {
        return tools.stream().map(name -> ChatbotTool.byName(name).orElseThrow()).toList();
    }

    public List<String> toolNames() {
        return tools;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public Integer maxResultBytes() {
        return maxResultBytes;
    }

    public boolean executionLogs() {
        return executionLogs;
    }

    public ToolUse withTools(List<ChatbotTool> tools) {
        return new ToolUse(tools, maxIterations, maxResultBytes, executionLogs);
    }

    public ToolUse withMaxIterations(int maxIterations) {
        return new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs);
    }

    public ToolUse withMaxResultBytes(Integer maxResultBytes) {
        return new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs);
    }

    public ToolUse withExecutionLogs(boolean executionLogs) {
        return new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolUse t && tools.equals(t.tools) && maxIterations == t.maxIterations
                && Objects.equals(maxResultBytes, t.maxResultBytes) && executionLogs == t.executionLogs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tools, maxIterations, maxResultBytes, executionLogs);
    }

    @Override
    public String toString() {
        return "ToolUse[tools=" + tools + ", maxIterations=" + maxIterations + ", maxResultBytes=" + maxResultBytes + ", executionLogs=" + executionLogs + "]";
    }
}
