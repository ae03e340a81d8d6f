package dev.fluxbase.ai.knowledge.entity;

/**
 * Where embeddings come from: {@code type} is {@code openai}, {@code azure} or {@code ollama};
 * {@code baseUrl} is the OpenAI base URL (".../v1"), the Azure resource endpoint or the Ollama server.
 * {@code deployment} and {@code apiVersion} are Azure's; {@code sendDimensions} asks the model for
 * shortened vectors (OpenAI's text-embedding-3 models accept it).
 */
public record EmbeddingEndpoint(String type, String baseUrl, String apiKey, EmbeddingModel model, String deployment,
        String apiVersion, boolean sendDimensions) {

    @Override
    public String toString() {
        return type + " " + baseUrl + " " + model.name();
    }
}
