-- Tokens that running turns hold of the day's budget: each admitted turn reserves its chatbot's
-- max-tokens on its day row, and its booking releases them while it adds the real tokens. Only day
-- rows hold any; a turn whose server died leaves its reservation until the day's row is removed.
ALTER TABLE usage_counters ADD COLUMN reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0);
