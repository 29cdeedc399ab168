-- PostgreSQL only: the database itself keeps the audit log append-only. UPDATE and TRUNCATE are
-- always refused; DELETE only for rows older than seven years (the legal minimum), which is what
-- the hub's retention job removes. Whoever bypasses the hub meets the same wall.
CREATE FUNCTION esp_audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.occurred_at < now() - INTERVAL '7 years' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'esp_audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'audit records are never changed; rows are deleted only after seven years';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER esp_audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON esp_audit_event
    FOR EACH ROW EXECUTE FUNCTION esp_audit_event_append_only();

CREATE TRIGGER esp_audit_event_no_truncate
    BEFORE TRUNCATE ON esp_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION esp_audit_event_append_only();
