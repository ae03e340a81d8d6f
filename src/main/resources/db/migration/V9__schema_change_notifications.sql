-- Instances cache the description of a chatbot's tables between turns. DDL is announced on the
-- 'fluxbase_config' channel (payload 'schema') by this function, called by event triggers on
-- ddl_command_end and sql_drop. Creating an event trigger needs a superuser, so the triggers are not
-- made here (this runs as the server's login role): the server creates them at boot when it may, and
-- otherwise logs the statements an administrator can run (see README, Queries).
CREATE FUNCTION notify_schema_change() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_catalog.pg_notify('fluxbase_config', 'schema');
END;
$$;
