-- The bench SQL chatbot's tables (bench-sql-bot may read these three), loaded by run.sh into the fresh
-- fluxbase_bench database before the bench starts. In the sql-* scenarios the fake provider never calls
-- execute_sql: what they measure is their description in every turn's system prompt. The sql-tool-*
-- scenarios add rows, grants and row-level security (tool-calls.sql) and query them.
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL UNIQUE,
    country char(2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE customers IS 'People who bought something';
COMMENT ON COLUMN customers.country IS 'ISO 3166-1 alpha-2 code';

CREATE TABLE products (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    category text NOT NULL,
    price numeric(10, 2) NOT NULL CHECK (price >= 0),
    in_stock integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE products IS 'What the shop sells';

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    product_id bigint NOT NULL REFERENCES products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    ordered_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL DEFAULT 'open'
);
COMMENT ON COLUMN orders.status IS 'open, shipped or cancelled';

INSERT INTO customers (id, name, email, country) VALUES
    (1, 'Ada Lovelace', 'ada@example.com', 'GB'),
    (2, 'Grace Hopper', 'grace@example.com', 'US'),
    (3, 'Edsger Dijkstra', 'edsger@example.com', 'NL');
INSERT INTO products (id, name, category, price, in_stock) VALUES
    (1, 'Keyboard', 'hardware', 49.90, 12),
    (2, 'Monitor', 'hardware', 189.00, 4),
    (3, 'Compiler manual', 'books', 29.50, 30),
    (4, 'Coffee', 'food', 8.75, 100);
INSERT INTO orders (id, customer_id, product_id, quantity, status) VALUES
    (1, 1, 3, 1, 'shipped'),
    (2, 2, 1, 2, 'open'),
    (3, 3, 2, 1, 'open'),
    (4, 1, 4, 5, 'cancelled');
