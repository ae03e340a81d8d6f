package dev.fluxbase.ai.providers.control;

/** What a provider uses when its config leaves a setting out. */
final class ProviderDefaults {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    static final String OPENAI_MODEL = "gpt-4o-mini";
    // The first GA version with stream_options.include_usage, which real usage needs.
    static final String AZURE_API_VERSION = "2024-10-21";
    static final String OLLAMA_ENDPOINT = "http://localhost:11434";

    private ProviderDefaults() {
    }
}
