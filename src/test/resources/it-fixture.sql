-- Tables the SQL tool ITs query, with row-level security as an application would set it up.
CREATE TABLE IF NOT EXISTS public.customers (
    id    uuid PRIMARY KEY,
    name  text NOT NULL,
    email text
);
CREATE TABLE IF NOT EXISTS public.orders (
    id          serial PRIMARY KEY,
    user_id     text NOT NULL,
    customer_id uuid REFERENCES public.customers (id),
    item        text NOT NULL,
    amount      numeric(10, 2) NOT NULL,
    placed_at   timestamptz NOT NULL,
    details     jsonb,
    embedding   vector(3)
);
COMMENT ON TABLE public.orders IS 'Orders placed by users';
COMMENT ON COLUMN public.orders.amount IS 'Order total in EUR';
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_orders ON public.orders;
CREATE POLICY own_orders ON public.orders FOR SELECT TO authenticated
    USING (user_id = current_setting('request.jwt.claims', true)::json ->> 'sub');
CREATE TABLE IF NOT EXISTS public.secrets (id int PRIMARY KEY, secret text NOT NULL);
CREATE TABLE IF NOT EXISTS public.notes (
    id      serial PRIMARY KEY,
    user_id text NOT NULL DEFAULT current_setting('request.jwt.claims', true)::json ->> 'sub',
    body    text NOT NULL CHECK (length(body) < 100)
);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_notes ON public.notes;
CREATE POLICY own_notes ON public.notes FOR ALL TO authenticated
    USING (user_id = current_setting('request.jwt.claims', true)::json ->> 'sub')
    WITH CHECK (user_id = current_setting('request.jwt.claims', true)::json ->> 'sub');
CREATE SCHEMA IF NOT EXISTS private;
CREATE TABLE IF NOT EXISTS private.salaries (name text, salary int);
GRANT USAGE ON SCHEMA private TO authenticated;
GRANT SELECT ON public.orders, public.customers, private.salaries TO authenticated;
GRANT SELECT, INSERT ON public.notes TO authenticated;
GRANT USAGE ON SEQUENCE public.notes_id_seq TO authenticated;

INSERT INTO public.customers VALUES
    ('11111111-1111-4111-8111-111111111111', 'Ada', 'ada@example.com'),
    ('22222222-2222-4222-8222-222222222222', 'Brian', 'brian@example.com')
ON CONFLICT DO NOTHING;
INSERT INTO public.orders (id, user_id, customer_id, item, amount, placed_at, details, embedding) VALUES
    (1, 'alice', '11111111-1111-4111-8111-111111111111', 'Keyboard', 49.90, '2026-01-05 10:00+00', '{"color": "black", "tags": ["office"]}', '[1,0,0]'),
    (2, 'alice', '11111111-1111-4111-8111-111111111111', 'Mouse', 19.50, '2026-01-06 11:30+00', '{"color": "white"}', '[0,1,0]'),
    (3, 'bob', '22222222-2222-4222-8222-222222222222', 'Monitor', 189.00, '2026-01-07 09:15+00', '{"size": 27}', '[0,0,1]')
ON CONFLICT DO NOTHING;
INSERT INTO public.secrets VALUES (1, 'the launch code') ON CONFLICT DO NOTHING;
INSERT INTO private.salaries SELECT 'ceo', 1000000 WHERE NOT EXISTS (SELECT FROM private.salaries);

-- Functions for the SQL tool's allow-list: a SECURITY DEFINER function reading a table no end user may read, a
-- listed RPC function (security invoker, so row-level security applies), and a function that shadows a built-in's
-- name in another schema.
CREATE OR REPLACE FUNCTION public.some_rpc() RETURNS SETOF public.secrets LANGUAGE sql STABLE SECURITY DEFINER
    AS 'SELECT * FROM public.secrets';
CREATE OR REPLACE FUNCTION public.order_total(p_user text) RETURNS numeric LANGUAGE sql STABLE
    AS 'SELECT coalesce(sum(amount), 0) FROM public.orders WHERE user_id = p_user';
CREATE SCHEMA IF NOT EXISTS reporting;
GRANT USAGE ON SCHEMA reporting TO authenticated;
CREATE OR REPLACE FUNCTION reporting.lower(integer) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    AS 'SELECT secret FROM public.secrets LIMIT 1';
