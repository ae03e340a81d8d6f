-- Providers (issue #22 item 2): Anthropic and Gemini join the provider types, and an Azure provider may sign in
-- with Entra ID client credentials, whose secret is sealed like an API key (the provider's id authenticated with it).
ALTER TABLE providers DROP CONSTRAINT IF EXISTS providers_provider_type_check;
ALTER TABLE providers ADD CONSTRAINT providers_provider_type_check
    CHECK (provider_type IN ('openai', 'azure', 'ollama', 'anthropic', 'gemini'));
ALTER TABLE providers ADD COLUMN client_secret_encrypted bytea;
