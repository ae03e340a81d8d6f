-- Roles of which a caller needs one to list, look up and chat with a chatbot (@fluxbase:require-role);
-- empty: no role needed.
ALTER TABLE chatbots ADD COLUMN require_roles text[] NOT NULL DEFAULT '{}';
