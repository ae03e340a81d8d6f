-- The usage ledger records every turn with its outcome; refused and failed turns keep their error code.
ALTER TABLE usage_ledger ADD COLUMN error_code text;
ALTER TABLE usage_ledger ADD CONSTRAINT usage_ledger_outcome CHECK (outcome IN ('done', 'error', 'cancelled', 'refused'));
-- Reports by period without a chatbot or user filter.
CREATE INDEX usage_ledger_occurred ON usage_ledger (occurred_at);

-- A user's conversation list spans chatbots, newest first.
CREATE INDEX conversations_user_updated ON conversations (user_id, updated_at DESC);
