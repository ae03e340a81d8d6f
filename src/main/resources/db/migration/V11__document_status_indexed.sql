-- The SDK's DocumentStatus is pending | processing | indexed | failed, and SDK code waits for "indexed":
-- documents that were stored as "ready" become "indexed".
ALTER TABLE documents DROP CONSTRAINT IF EXISTS documents_status_check;
UPDATE documents SET status = 'indexed' WHERE status = 'ready';
ALTER TABLE documents ADD CONSTRAINT documents_status_check CHECK (status IN ('pending', 'processing', 'indexed', 'failed'));
