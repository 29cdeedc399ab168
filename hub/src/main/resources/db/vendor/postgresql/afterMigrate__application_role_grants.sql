-- After every migration, on PostgreSQL: the database role the hub runs as (placeholder
-- applicationRole; production: ESP_DB_USER) may read and write the hub's data and nothing more.
-- Flyway's user (production: ESP_DB_MIGRATION_USER) owns every table, Camunda's included, so the
-- hub's role can neither alter nor drop a table, nor disable the audit log's trigger. On the audit
-- log it may read and append, and delete only what the trigger lets retention delete (rows older
-- than seven years). It does not touch Flyway's history. Empty, or the migration user itself
-- (demo, tests as one user): nothing to grant.
DO $$
DECLARE
    app text := '${applicationRole}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('REVOKE UPDATE, TRUNCATE, REFERENCES, TRIGGER ON esp_audit_event FROM %I', app);
    EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', app);
END
$$;
