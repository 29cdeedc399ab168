-- The one partner of a group an exchange reached: the party "employers" stands for every employer with a
-- vacancy at PES, and a candidate proposal goes to one of them. The agreement exchange names the payload
-- field that says which (partner_field: employer_id); the gate records it here, so the hub can tell later
-- which employer holds what (a correction reaches exactly the employers that received the old value).
-- NULL for an exchange whose receiver is one agency. Records with a partner hash it too (AuditChain form 2).
ALTER TABLE esp_audit_event ADD COLUMN partner VARCHAR(255);
