package dev.fluxbase.ai.observability.entity;

import java.util.List;

/**
 * Names of OpenTelemetry's semantic conventions for generative AI (v1.41.0 of the conventions, status
 * "development"; {@code gen_ai.provider.name} replaced {@code gen_ai.system} in v1.37.0), and of the error
 * attribute, which is stable.
 */
public final class GenAi {

    public static final String OPERATION_NAME = "gen_ai.operation.name";
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    public static final String REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";
    public static final String REQUEST_TEMPERATURE = "gen_ai.request.temperature";
    public static final String RESPONSE_MODEL = "gen_ai.response.model";
    public static final String RESPONSE_ID = "gen_ai.response.id";
    public static final String RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";
    public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
    public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    public static final String TOKEN_TYPE = "gen_ai.token.type";
    public static final String TOOL_NAME = "gen_ai.tool.name";
    public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";
    public static final String TOOL_TYPE = "gen_ai.tool.type";
    public static final String AGENT_NAME = "gen_ai.agent.name";
    public static final String CONVERSATION_ID = "gen_ai.conversation.id";
    public static final String ERROR_TYPE = "error.type";

    public static final String CHAT = "chat";
    public static final String EXECUTE_TOOL = "execute_tool";
    public static final String INVOKE_AGENT = "invoke_agent";

    /** The boundaries the conventions recommend for {@code gen_ai.client.operation.duration}, in seconds. */
    public static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
            40.96, 81.92);

    /** The boundaries the conventions recommend for {@code gen_ai.client.token.usage}. */
    public static final List<Double> TOKEN_BUCKETS = List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0,
            1048576.0, 4194304.0, 16777216.0, 67108864.0);

    private GenAi() {
    }
}
