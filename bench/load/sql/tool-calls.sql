-- What the tool-call scenarios (sql-tool-*) need besides catalog.sql, loaded by the bench as the cluster's
-- superuser once the server is up (its migrations create the end-user roles granted here): enough rows for the
-- bench query's join, WHERE and ORDER BY ... LIMIT 20 to do real work, an index for its ORDER BY, and what a
-- deployment has for execute_sql: grants to `authenticated` and row-level security whose policies read the
-- JWT claims the server sets for the query. Idempotent, as a run may load it after an earlier one.
INSERT INTO customers (id, name, email, country)
SELECT i, 'Customer ' || i, 'customer' || i || '@example.com', (ARRAY['NL', 'GB', 'US', 'DE', 'FR'])[1 + i % 5]
  FROM generate_series(100, 2099) AS i
    ON CONFLICT (id) DO NOTHING;
INSERT INTO products (id, name, category, price, in_stock)
SELECT i, 'Product ' || i, (ARRAY['hardware', 'books', 'food'])[1 + i % 3], 5 + (i % 40) * 2.5, i % 17
  FROM generate_series(100, 299) AS i
    ON CONFLICT (id) DO NOTHING;
INSERT INTO orders (id, customer_id, product_id, quantity, ordered_at, status)
SELECT i, 100 + (i * 7) % 2000, 100 + (i * 13) % 200, 1 + i % 4, timestamptz '2026-01-01' + i * interval '7 minutes',
       (ARRAY['open', 'shipped', 'cancelled'])[1 + i % 3]
  FROM generate_series(100, 20099) AS i
    ON CONFLICT (id) DO NOTHING;
CREATE INDEX IF NOT EXISTS orders_ordered_at ON orders (ordered_at);

GRANT SELECT ON customers, products, orders TO authenticated;
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS signed_in ON customers;
DROP POLICY IF EXISTS signed_in ON orders;
CREATE POLICY signed_in ON customers FOR SELECT TO authenticated
    USING (current_setting('request.jwt.claims', true)::json ->> 'role' = 'authenticated');
CREATE POLICY signed_in ON orders FOR SELECT TO authenticated
    USING (current_setting('request.jwt.claims', true)::json ->> 'role' = 'authenticated');

VACUUM ANALYZE customers, products, orders;
