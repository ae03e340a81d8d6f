-- Row-level security regression checks (issue #23 item 3): recorded SQL of a chatbot's questions, run as impersonated
-- users, each with what they may see. A check names the result column that says whose a row is.

CREATE TABLE rls_checks (
    id                uuid PRIMARY KEY,
    chatbot_id        uuid NOT NULL REFERENCES chatbots (id) ON DELETE CASCADE,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    question          text CHECK (length(question) <= 4000),
    sql               text NOT NULL CHECK (length(sql) BETWEEN 1 AND 20000),
    owner_column      text CHECK (length(owner_column) <= 63),
    expectation       text NOT NULL CHECK (expectation IN ('own_rows', 'no_rows', 'not_owned_by')),
    -- [{"user_id": "...", "role": "authenticated", "claims": {...}}, ...]
    users             jsonb NOT NULL CHECK (jsonb_typeof(users) = 'array' AND jsonb_array_length(users) BETWEEN 1 AND 20),
    forbidden_owners  text[] NOT NULL DEFAULT '{}',
    source_audit_id   bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    last_run_at       timestamptz,
    last_status       text CHECK (last_status IN ('passed', 'failed', 'error')),
    last_result       jsonb,
    UNIQUE (chatbot_id, name),
    CHECK (expectation = 'no_rows' OR owner_column IS NOT NULL),
    CHECK (expectation <> 'not_owned_by' OR cardinality(forbidden_owners) > 0)
);

-- Every run of a check, newest first by id: what each impersonated user saw.
CREATE TABLE rls_check_runs (
    id          bigserial PRIMARY KEY,
    check_id    uuid NOT NULL REFERENCES rls_checks (id) ON DELETE CASCADE,
    ran_at      timestamptz NOT NULL DEFAULT now(),
    ran_by      text,
    status      text NOT NULL CHECK (status IN ('passed', 'failed', 'error')),
    result      jsonb NOT NULL
);
CREATE INDEX rls_check_runs_check ON rls_check_runs (check_id, id DESC);
