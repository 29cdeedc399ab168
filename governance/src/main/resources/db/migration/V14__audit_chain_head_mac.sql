-- The chain head keyed: an HMAC-SHA256 of the two ends of the chain (head and anchor) under a key
-- the hub reads from its configuration and the database never holds. Whoever can write to the
-- database can recompute every record's hash, but not this MAC, so a chain rewritten
-- consistently is still found by the verification. NULL until the hub first keys the head.
ALTER TABLE esp_audit_chain ADD COLUMN head_mac VARCHAR(64);
