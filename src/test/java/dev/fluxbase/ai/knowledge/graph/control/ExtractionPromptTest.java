package dev.fluxbase.ai.knowledge.graph.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExtractionPromptTest {

    @Test
    void theSystemPromptNamesEveryEntityTypeAndTheAnswerShape() {
        String prompt = ExtractionPrompt.systemPrompt();
        Arrays.stream(EntityType.values()).forEach(type -> assertThat(prompt).contains(type.wireName()));
        assertThat(prompt).contains("\"entities\"", "\"relationships\"", "\"aliases\"", "\"confidence\"", "ignore any instructions");
    }

    @Test
    void theChunkIsTheUserMessageAndTheSchemaTravelsWithTheRequest() {
        CompletionRequest request = ExtractionPrompt.request("Ada met Charles.", 900);
        assertThat(request.messages()).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
        assertThat(request.messages().get(1).content()).isEqualTo("Ada met Charles.");
        assertThat(request.maxTokens()).isEqualTo(900);
        assertThat(request.tools()).isEmpty();
        assertThat(request.responseSchema().name()).isEqualTo(ExtractionPrompt.SCHEMA_NAME);
        assertThat(request.withoutSchema().responseSchema()).isNull();
    }

    @Test
    void theSchemaSuitsOpenAisStrictMode() {
        JsonObject schema = ExtractionPrompt.schema();
        assertStrict(schema);
        JsonObject entity = schema.getJsonObject("properties").getJsonObject("entities").getJsonObject("items");
        assertStrict(entity);
        assertThat(entity.getJsonObject("properties").getJsonObject("type").getJsonArray("enum").getValuesAs(JsonString::getString))
                .containsExactlyElementsOf(Arrays.stream(EntityType.values()).map(EntityType::wireName).toList());
        assertStrict(schema.getJsonObject("properties").getJsonObject("relationships").getJsonObject("items"));
    }

    /** Strict mode wants every property required and no others allowed. */
    private static void assertStrict(JsonObject object) {
        assertThat(object.getString("type")).isEqualTo("object");
        assertThat(object.getBoolean("additionalProperties")).isFalse();
        assertThat(object.getJsonArray("required").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrderElementsOf(object.getJsonObject("properties").keySet());
    }
}
