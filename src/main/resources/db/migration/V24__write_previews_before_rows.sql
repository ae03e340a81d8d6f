-- A confirmation compares the rows as they were before the write (before_digest, for an UPDATE or a DELETE) and how many
-- rows it changes, never the values the write computes as it runs: the keys and the digest of the rows after the write,
-- which V23 kept for that, are no longer read.
ALTER TABLE write_previews
    DROP COLUMN key_columns,
    DROP COLUMN affected_keys,
    DROP COLUMN after_digest;
