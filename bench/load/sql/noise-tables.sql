-- 2,000 ordinary tables in a schema no bench chatbot may use (10 columns, a primary key, a comment on
-- every third table and one of its columns): the large catalog of the sql-1-wide scenario, which the
-- bench loads as the cluster's superuser once the small-catalog scenario is over. Committed every 100
-- tables, as one transaction would need more locks than max_locks_per_transaction allows.
CREATE SCHEMA IF NOT EXISTS bench_noise;
DO $$
BEGIN
    FOR i IN 1..2000 LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS bench_noise.t%s ('
            'id bigint PRIMARY KEY, name text NOT NULL, code varchar(32), amount numeric(12, 2), quantity integer, '
            'active boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz, '
            'note text, reference uuid)', lpad(i::text, 4, '0'));
        IF i % 3 = 0 THEN
            EXECUTE format('COMMENT ON TABLE bench_noise.t%s IS %L', lpad(i::text, 4, '0'), 'Noise table ' || i);
            EXECUTE format('COMMENT ON COLUMN bench_noise.t%s.code IS %L', lpad(i::text, 4, '0'), 'An external code');
        END IF;
        IF i % 100 = 0 THEN
            COMMIT;
        END IF;
    END LOOP;
END
$$;
-- Fresh statistics for the grown catalog, so that autovacuum does not pick it up during a measurement.
VACUUM ANALYZE pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_constraint, pg_catalog.pg_description,
    pg_catalog.pg_type, pg_catalog.pg_depend, pg_catalog.pg_index;
