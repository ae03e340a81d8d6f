-- The demo shop that run.sh loads into its private database after the server has migrated it (the roles
-- anon and authenticated exist then). Safe to run again: nothing is created twice, no row is added twice.
-- Orders have row-level security: a user sees only the orders whose user_id is the token's sub.
CREATE TABLE IF NOT EXISTS public.products (
    id       int PRIMARY KEY,
    name     text NOT NULL,
    category text NOT NULL,
    price    numeric(8, 2) NOT NULL CHECK (price >= 0),
    in_stock int NOT NULL DEFAULT 0
);
COMMENT ON TABLE public.products IS 'What the Northwind Coffee shop sells';
COMMENT ON COLUMN public.products.price IS 'Price in EUR';

CREATE TABLE IF NOT EXISTS public.orders (
    id         int PRIMARY KEY,
    user_id    text NOT NULL DEFAULT current_setting('request.jwt.claims', true)::json ->> 'sub',
    product_id int NOT NULL REFERENCES public.products (id),
    quantity   int NOT NULL CHECK (quantity > 0),
    total      numeric(10, 2) NOT NULL,
    status     text NOT NULL CHECK (status IN ('placed', 'shipped', 'delivered', 'cancelled')),
    ordered_at timestamptz NOT NULL
);
COMMENT ON TABLE public.orders IS 'Orders of the shop''s customers; each user sees only their own';
COMMENT ON COLUMN public.orders.total IS 'Order total in EUR';
CREATE INDEX IF NOT EXISTS orders_user_id ON public.orders (user_id);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_orders ON public.orders;
CREATE POLICY own_orders ON public.orders FOR SELECT TO authenticated
    USING (user_id = current_setting('request.jwt.claims', true)::json ->> 'sub');

CREATE TABLE IF NOT EXISTS public.locations (
    id   int PRIMARY KEY,
    name text NOT NULL,
    lat  numeric(8, 5) NOT NULL,
    lon  numeric(8, 5) NOT NULL
);
COMMENT ON TABLE public.locations IS 'Cities the weather assistant knows the coordinates of';

GRANT SELECT ON public.products, public.orders, public.locations TO authenticated;

INSERT INTO public.products (id, name, category, price, in_stock) VALUES
    (1, 'Ethiopia Yirgacheffe, 250 g', 'beans', 12.90, 140),
    (2, 'Colombia Huila, 250 g', 'beans', 11.50, 95),
    (3, 'House Espresso Blend, 1 kg', 'beans', 34.00, 40),
    (4, 'Decaf Brazil, 250 g', 'beans', 10.90, 0),
    (5, 'Pour-over Dripper', 'equipment', 24.00, 30),
    (6, 'Burr Grinder', 'equipment', 149.00, 8),
    (7, 'Paper Filters (100)', 'accessories', 5.50, 300),
    (8, 'Travel Mug', 'accessories', 19.00, 55)
ON CONFLICT (id) DO NOTHING;

-- The development user token that run.sh prints is user 00000000-0000-4000-8000-000000000001; the other two
-- users' orders are there to show that row-level security hides them.
INSERT INTO public.orders (id, user_id, product_id, quantity, total, status, ordered_at) VALUES
    (1, '00000000-0000-4000-8000-000000000001', 1, 2, 25.80, 'delivered', '2026-09-02 09:15+00'),
    (2, '00000000-0000-4000-8000-000000000001', 5, 1, 24.00, 'delivered', '2026-09-02 09:15+00'),
    (3, '00000000-0000-4000-8000-000000000001', 7, 2, 11.00, 'delivered', '2026-10-11 17:40+00'),
    (4, '00000000-0000-4000-8000-000000000001', 3, 1, 34.00, 'shipped', '2026-11-20 08:05+00'),
    (5, '00000000-0000-4000-8000-000000000001', 6, 1, 149.00, 'placed', '2026-11-29 19:30+00'),
    (6, '00000000-0000-4000-8000-000000000002', 2, 3, 34.50, 'delivered', '2026-08-14 12:00+00'),
    (7, '00000000-0000-4000-8000-000000000002', 8, 1, 19.00, 'cancelled', '2026-10-03 10:20+00'),
    (8, '00000000-0000-4000-8000-000000000003', 6, 2, 298.00, 'shipped', '2026-11-25 15:45+00'),
    (9, '00000000-0000-4000-8000-000000000003', 1, 4, 51.60, 'placed', '2026-12-01 07:10+00')
ON CONFLICT (id) DO NOTHING;

INSERT INTO public.locations (id, name, lat, lon) VALUES
    (1, 'Amsterdam', 52.37403, 4.88969),
    (2, 'Berlin', 52.52437, 13.41053),
    (3, 'Oslo', 59.91273, 10.74609),
    (4, 'Lisbon', 38.72509, -9.14980)
ON CONFLICT (id) DO NOTHING;
