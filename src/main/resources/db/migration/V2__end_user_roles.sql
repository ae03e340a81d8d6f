-- The database roles chat queries run as (SET LOCAL ROLE), so that grants and row-level security
-- apply to end users. The login role must be a member of each; create them when missing and allowed.
DO $$
DECLARE
    wanted  text[] := ARRAY['${anon_role}', '${authenticated_role}', '${service_role}'];
    missing text[];
    r       text;
BEGIN
    SELECT array_agg(w) INTO missing FROM unnest(wanted) AS w WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = w);
    IF missing IS NOT NULL THEN
        IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'Missing database roles: %. As a superuser, run: %', array_to_string(missing, ', '),
                (SELECT string_agg(format('CREATE ROLE %I NOLOGIN; GRANT %I TO %I;', m, m, current_user), ' ') FROM unnest(missing) AS m);
        END IF;
        FOREACH r IN ARRAY missing LOOP
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END LOOP;
    END IF;
    FOREACH r IN ARRAY wanted LOOP
        IF NOT pg_has_role(current_user, r, 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', r, current_user);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'The login role % must be a member of role %. As a superuser, run: GRANT % TO %;',
                    current_user, r, quote_ident(r), quote_ident(current_user);
            END;
        END IF;
    END LOOP;
END
$$;
