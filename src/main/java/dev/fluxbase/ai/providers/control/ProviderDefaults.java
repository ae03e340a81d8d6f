package dev.fluxbase.ai.providers.control;

/** What a provider uses when its config leaves a setting out. */
final class ProviderDefaults {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    static final String OPENAI_MODEL = "gpt-4o-mini";
    // The first GA version with stream_options.include_usage, which real usage needs.
    static final String AZURE_API_VERSION = "2024-10-21";
    static final String OLLAMA_ENDPOINT = "http://localhost:11434";
    // Room for a prompt with a schema, retrieved context and a few tool rounds next to the default 4096 answer tokens,
    // where Ollama's own default (2048, or 4096 since 0.6) cuts the prompt; the KV cache of a 7-8B model stays near 1 GB.
    static final int OLLAMA_NUM_CTX = 8192;
    static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com";
    static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";
    // The only version of the Messages API so far.
    static final String ANTHROPIC_VERSION = "2023-06-01";
    static final String GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";
    static final String GEMINI_MODEL = "gemini-2.5-flash";

    private ProviderDefaults() {
    }
}
