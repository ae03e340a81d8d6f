-- Tables the table-export ITs describe and export, made anew before each test by the login role (which owns them,
-- so it would pass row-level security: exports must not run as it). The default export role, authenticated, may
-- read orders (only the rows meant for everyone), notes, fragile and two columns of customers, not hidden;
-- export_reader, a role the login is a member of, reads every row; the login is no member of export_outsider.
DROP SCHEMA IF EXISTS export_fixture CASCADE;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'export_reader') THEN
        CREATE ROLE export_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'export_outsider') THEN
        CREATE ROLE export_outsider NOLOGIN;
    END IF;
END
$$;
GRANT export_reader TO CURRENT_USER;

CREATE SCHEMA export_fixture;
CREATE TABLE export_fixture.customers (
    id    uuid PRIMARY KEY,
    name  text NOT NULL,
    email text
);
CREATE TABLE export_fixture.orders (
    id          integer PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES export_fixture.customers (id) ON DELETE CASCADE,
    code        varchar(12) NOT NULL UNIQUE,
    owner       text NOT NULL,
    amount      numeric(10, 2) NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE export_fixture.orders IS 'Orders placed in the web shop';
COMMENT ON COLUMN export_fixture.orders.amount IS 'Gross amount invoiced in euros';
CREATE INDEX orders_owner_idx ON export_fixture.orders (owner, lower(code));
ALTER TABLE export_fixture.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_for_everyone ON export_fixture.orders FOR SELECT TO authenticated
    USING (owner = 'everyone' OR owner = current_setting('request.jwt.claims', true)::json ->> 'sub');
CREATE POLICY orders_for_readers ON export_fixture.orders FOR SELECT TO export_reader USING (true);
CREATE TABLE export_fixture.notes (
    id   integer PRIMARY KEY,
    body text NOT NULL
);
COMMENT ON COLUMN export_fixture.notes.body IS 'Free text written by the support team';
CREATE TABLE export_fixture.hidden (
    id     integer PRIMARY KEY,
    secret text
);
CREATE TABLE export_fixture.fragile (
    id         integer PRIMARY KEY,
    label      text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN export_fixture.fragile.label IS 'Shelf label printed for the warehouse';

GRANT USAGE ON SCHEMA export_fixture TO authenticated, export_reader;
GRANT SELECT ON export_fixture.orders, export_fixture.notes, export_fixture.fragile TO authenticated;
GRANT SELECT (id, name) ON export_fixture.customers TO authenticated;
GRANT SELECT ON ALL TABLES IN SCHEMA export_fixture TO export_reader;

INSERT INTO export_fixture.customers VALUES
    ('11111111-1111-4111-8111-111111111111', 'Ada', 'ada@example.com'),
    ('22222222-2222-4222-8222-222222222222', 'Brian', 'brian@example.com');
INSERT INTO export_fixture.orders (id, customer_id, code, owner, amount) VALUES
    (1, '11111111-1111-4111-8111-111111111111', 'PUBLIC-ONE', 'everyone', 49.90),
    (2, '22222222-2222-4222-8222-222222222222', 'PUBLIC-TWO', 'everyone', 19.50),
    (3, '22222222-2222-4222-8222-222222222222', 'PRIVATE-3', 'alice', 189.00);
INSERT INTO export_fixture.notes VALUES (1, 'Call back on Monday'), (2, 'Refund approved');
INSERT INTO export_fixture.fragile (id, label) VALUES (1, 'Glass');
