package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonbTextConverter;
import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The tools a chatbot offers and how far the tool loop may go: provider rounds per turn, the bytes of one tool
 * result the model reads ({@code maxResultBytes} null: the server's default applies), and whether its executions are
 * written to the audit log ({@code @fluxbase:disable-execution-logs} turns that off; usage is booked either way), and whether
 * its writes wait for the user's confirmation of a preview ({@code @fluxbase:confirm-writes}, true unless turned off for automation).
 * Besides the built-in tools: the registered MCP servers whose tools it offers ({@code @fluxbase:mcp-servers}) and the
 * tools its file declares that those servers run ({@link DeclaredTool}).
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
    @Column(name = "confirm_writes")
    private boolean confirmWrites;
    @Convert(converter = TextArrayConverter.class)
    @Column(name = "mcp_servers")
    private List<String> mcpServers;
    @Convert(converter = JsonbTextConverter.class)
    @Column(name = "custom_tools")
    private String customToolsJson;

    protected ToolUse() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static ToolUse defaults() {
        return new ToolUse(List.of(ChatbotTool.EXECUTE_SQL), 5, null, true, List.of(), List.of()).withConfirmWrites(true);
    }

    private ToolUse(List<ChatbotTool> tools, int maxIterations, Integer maxResultBytes, boolean executionLogs, List<String> mcpServers,
            List<DeclaredTool> customTools) {
        this.tools = new LinkedHashSet<>(tools).stream().map(ChatbotTool::toolName).toList();
        this.maxIterations = Bounds.atLeast(1, maxIterations);
        this.maxResultBytes = maxResultBytes == null ? null : Bounds.atLeast(MIN_RESULT_BYTES, maxResultBytes);
        this.executionLogs = executionLogs;
        this.mcpServers = List.copyOf(new LinkedHashSet<>(mcpServers));
        this.customToolsJson = customTools.isEmpty() ? null : customToolsJson(customTools);
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

    /** The names of the registered MCP servers whose tools the chatbot offers, in the order the file lists them. */
    public List<String> mcpServers() {
        return mcpServers == null ? List.of() : mcpServers;
    }

    public List<DeclaredTool> customTools() {
        return customToolsJson == null ? List.of() : JsonFactories.readArray(customToolsJson).getValuesAs(JsonObject.class).stream()
                .map(ToolUse::customTool).toList();
    }

    public ToolUse withTools(List<ChatbotTool> tools) {
        ToolUse use = new ToolUse(tools, maxIterations, maxResultBytes, executionLogs, mcpServers(), customTools());
        use.confirmWrites = confirmWrites;
        return use;
    }

    public ToolUse withMaxIterations(int maxIterations) {
        ToolUse use = new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs, mcpServers(), customTools());
        use.confirmWrites = confirmWrites;
        return use;
    }

    public ToolUse withMaxResultBytes(Integer maxResultBytes) {
        ToolUse use = new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs, mcpServers(), customTools());
        use.confirmWrites = confirmWrites;
        return use;
    }

    public ToolUse withExecutionLogs(boolean executionLogs) {
        ToolUse use = new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs, mcpServers(), customTools());
        use.confirmWrites = confirmWrites;
        return use;
    }

    public boolean confirmWrites() {
        return confirmWrites;
    }

    public ToolUse withConfirmWrites(boolean confirm) {
        ToolUse use = new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs, mcpServers(), customTools());
        use.confirmWrites = confirm;
        return use;
    }

    public ToolUse withMcpServers(List<String> mcpServers) {
        ToolUse use = new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs, mcpServers, customTools());
        use.confirmWrites = confirmWrites;
        return use;
    }

    public ToolUse withCustomTools(List<DeclaredTool> customTools) {
        ToolUse use = new ToolUse(tools(), maxIterations, maxResultBytes, executionLogs, mcpServers(), customTools);
        use.confirmWrites = confirmWrites;
        return use;
    }

    private static String customToolsJson(List<DeclaredTool> customTools) {
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        for (DeclaredTool tool : customTools) {
            JsonObjectBuilder object = JsonFactories.PROVIDER.createObjectBuilder().add("name", tool.name());
            if (tool.description() != null) {
                object.add("description", tool.description());
            }
            if (tool.parametersJson() != null) {
                object.add("parameters", JsonFactories.readObject(tool.parametersJson()));
            }
            array.add(object);
        }
        return array.build().toString();
    }

    private static DeclaredTool customTool(JsonObject json) {
        JsonObject parameters = json.getJsonObject("parameters");
        return new DeclaredTool(json.getString("name"), json.getString("description", null), parameters == null ? null : parameters.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolUse t && tools.equals(t.tools) && maxIterations == t.maxIterations
                && Objects.equals(maxResultBytes, t.maxResultBytes) && executionLogs == t.executionLogs && confirmWrites == t.confirmWrites
                && mcpServers().equals(t.mcpServers()) && customTools().equals(t.customTools());
    }

    @Override
    public int hashCode() {
        return Objects.hash(tools, maxIterations, maxResultBytes, executionLogs, mcpServers());
    }

    @Override
    public String toString() {
        return "ToolUse[tools=" + tools + ", maxIterations=" + maxIterations + ", maxResultBytes=" + maxResultBytes + ", executionLogs="
                + executionLogs + ", confirmWrites=" + confirmWrites + ", mcpServers=" + mcpServers() + ", customTools=" + customTools().stream().map(DeclaredTool::name).toList() + "]";
    }
}
