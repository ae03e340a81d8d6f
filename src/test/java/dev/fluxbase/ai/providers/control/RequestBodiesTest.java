package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.ResponseSchema;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodiesTest {

    private static final ToolCall CALL = new ToolCall("call_1", "execute_sql", "{\"query\":\"SELECT 1\"}");
    private static final CompletionRequest TOOL_ROUND = new CompletionRequest(List.of(
            ChatMessage.system("sys"), ChatMessage.user("q"), ChatMessage.assistant("", List.of(CALL)), ChatMessage.tool(CALL, "1 row")),
            List.of(new ToolDefinition("execute_sql", "Runs SQL", Json.createObjectBuilder().add("type", "object").build())),
            500, new BigDecimal("0.2"));

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @ParameterizedTest
    @CsvSource({"gpt-4o-mini,false", "gpt-4-turbo,false", "gpt-3.5-turbo,false", "o1,true", "o1-mini,true", "o3-mini,true",
            "o4-mini,true", "gpt-5,true", "gpt-5-nano,true", "openai/o3-mini,true", "llama3,false", "omni,false"})
    void reasoningModelsGetMaxCompletionTokensAndNoTemperature(String model, boolean reasoning) {
        JsonObject body = json(OpenAiRequestBody.of(TOOL_ROUND, model, model));
        assertThat(body.containsKey("max_completion_tokens")).isEqualTo(reasoning);
        assertThat(body.containsKey("max_tokens")).isEqualTo(!reasoning);
        assertThat(body.containsKey("temperature")).isEqualTo(!reasoning);
        assertThat(body.getInt(reasoning ? "max_completion_tokens" : "max_tokens")).isEqualTo(500);
    }

    @Test
    void openAiBodyStreamsWithUsageAndCarriesToolsAndToolResults() {
        JsonObject body = json(OpenAiRequestBody.of(TOOL_ROUND, "gpt-4o", "gpt-4o"));
        assertThat(body.getString("model")).isEqualTo("gpt-4o");
        assertThat(body.getBoolean("stream")).isTrue();
        assertThat(body.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
        assertThat(body.getJsonNumber("temperature").doubleValue()).isEqualTo(0.2);
        assertThat(body.containsKey("tool_choice")).isFalse();
        assertThat(body.getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name")).isEqualTo("execute_sql");
        JsonObject assistant = body.getJsonArray("messages").getJsonObject(2);
        assertThat(assistant.containsKey("content")).isFalse();
        JsonObject call = assistant.getJsonArray("tool_calls").getJsonObject(0);
        assertThat(call.getString("id")).isEqualTo("call_1");
        assertThat(call.getJsonObject("function").getString("arguments")).isEqualTo("{\"query\":\"SELECT 1\"}");
        JsonObject tool = body.getJsonArray("messages").getJsonObject(3);
        assertThat(tool.getString("role")).isEqualTo("tool");
        assertThat(tool.getString("tool_call_id")).isEqualTo("call_1");
        assertThat(tool.getString("content")).isEqualTo("1 row");
    }

    @Test
    void azureBodyHasNoModel() {
        JsonObject body = json(OpenAiRequestBody.of(TOOL_ROUND, null, null));
        assertThat(body.containsKey("model")).isFalse();
        assertThat(body.getInt("max_tokens")).isEqualTo(500);
    }

    @Test
    void aTemperatureOfZeroIsSent() {
        CompletionRequest request = new CompletionRequest(List.of(ChatMessage.user("q")), List.of(), 10, BigDecimal.ZERO);
        assertThat(json(OpenAiRequestBody.of(request, "gpt-4o", "gpt-4o")).getJsonNumber("temperature").doubleValue()).isZero();
        assertThat(json(OllamaRequestBody.of(request, "llama3", 8192)).getJsonObject("options").getJsonNumber("temperature").doubleValue()).isZero();
    }

    @Test
    void ollamaBodyHasOptionsObjectArgumentsAndNoToolCallIds() {
        JsonObject body = json(OllamaRequestBody.of(TOOL_ROUND, "llama3.1", 8192));
        assertThat(body.getString("model")).isEqualTo("llama3.1");
        assertThat(body.getBoolean("stream")).isTrue();
        assertThat(body.getJsonObject("options").getInt("num_predict")).isEqualTo(500);
        assertThat(body.getJsonObject("options").getInt("num_ctx")).isEqualTo(8192);
        assertThat(body.getJsonObject("options").getJsonNumber("temperature").doubleValue()).isEqualTo(0.2);
        assertThat(body.getJsonArray("tools").getJsonObject(0).getString("type")).isEqualTo("function");
        JsonObject call = body.getJsonArray("messages").getJsonObject(2).getJsonArray("tool_calls").getJsonObject(0);
        assertThat(call.containsKey("id")).isFalse();
        assertThat(call.getJsonObject("function").getJsonObject("arguments").getString("query")).isEqualTo("SELECT 1");
        JsonObject tool = body.getJsonArray("messages").getJsonObject(3);
        assertThat(tool.containsKey("tool_call_id")).isFalse();
        assertThat(tool.getString("tool_name")).isEqualTo("execute_sql");
    }

    @Test
    void ollamaGetsAnEmptyObjectForGarbledArguments() {
        ToolCall garbled = new ToolCall("c", "t", "{not json");
        CompletionRequest request = new CompletionRequest(List.of(ChatMessage.assistant("", List.of(garbled))), List.of(), 1, null);
        JsonObject body = json(OllamaRequestBody.of(request, "m", 8192));
        assertThat(body.getJsonArray("messages").getJsonObject(0).getJsonArray("tool_calls").getJsonObject(0)
                .getJsonObject("function").getJsonObject("arguments")).isEmpty();
        assertThat(body.getJsonObject("options").containsKey("temperature")).isFalse();
    }

    @Test
    void aResponseSchemaIsSentAsOpenAisJsonSchemaAndOllamasFormat() {
        JsonObject schema = Json.createObjectBuilder().add("type", "object").build();
        CompletionRequest request = new CompletionRequest(List.of(ChatMessage.user("q")), List.of(), 10, null, new ResponseSchema("shape", schema));
        JsonObject format = json(OpenAiRequestBody.of(request, "gpt-4o", "gpt-4o")).getJsonObject("response_format");
        assertThat(format.getString("type")).isEqualTo("json_schema");
        assertThat(format.getJsonObject("json_schema").getString("name")).isEqualTo("shape");
        assertThat(format.getJsonObject("json_schema").getBoolean("strict")).isTrue();
        assertThat(format.getJsonObject("json_schema").getJsonObject("schema")).isEqualTo(schema);
        assertThat(json(OllamaRequestBody.of(request, "m", 8192)).getJsonObject("format")).isEqualTo(schema);
        assertThat(json(OpenAiRequestBody.of(request.withoutSchema(), "gpt-4o", "gpt-4o")).containsKey("response_format")).isFalse();
        assertThat(json(OllamaRequestBody.of(request.withoutSchema(), "m", 8192)).containsKey("format")).isFalse();
    }
}
