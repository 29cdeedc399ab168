package org.esphub.governance.audit;

/** What was done with the data, as the hub's audit record names it. */
public enum AuditAction {
    CREATE, READ, UPDATE, DELETE, SEARCH
}
