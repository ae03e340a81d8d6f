-- Functions a chatbot may call beyond the built-in allow-list (@fluxbase:allowed-functions), and its cap
-- on what the LLM sees of one tool result (@fluxbase:max-tool-result-bytes; NULL: the server's default).
ALTER TABLE chatbots ADD COLUMN allowed_functions text[] NOT NULL DEFAULT '{}';
ALTER TABLE chatbots ADD COLUMN max_tool_result_bytes integer CHECK (max_tool_result_bytes > 0);
