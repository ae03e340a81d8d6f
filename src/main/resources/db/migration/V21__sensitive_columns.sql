-- Sensitive columns (the README's "Sensitive columns"): those a chatbot's file names in @fluxbase:sensitive-columns, and,
-- per audited query, the result columns the LLM read as pseudonyms (null when it read every value).
ALTER TABLE chatbots ADD COLUMN sensitive_columns text[] NOT NULL DEFAULT '{}';
ALTER TABLE sql_audit_log ADD COLUMN masked_columns text;
