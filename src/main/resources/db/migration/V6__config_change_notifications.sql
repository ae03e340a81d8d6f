-- Instances cache the stored providers and the knowledge-base links between turns. Every change to
-- them, whoever makes it (the admin API on any instance, a job, plain SQL), is announced on the
-- 'fluxbase_config' channel when its transaction commits, and each instance then drops its cache.
CREATE FUNCTION notify_config_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('fluxbase_config', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER providers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
    FOR EACH STATEMENT EXECUTE FUNCTION notify_config_change();
CREATE TRIGGER chatbot_knowledge_bases_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chatbot_knowledge_bases
    FOR EACH STATEMENT EXECUTE FUNCTION notify_config_change();
-- Retrieval skips disabled knowledge bases; their other columns are read when searching, not cached.
CREATE TRIGGER knowledge_bases_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF enabled ON knowledge_bases
    FOR EACH STATEMENT EXECUTE FUNCTION notify_config_change();
