package org.esphub.governance.audit;

/** What was done with the data, as the audit record of DESIGN.md names it. */
public enum AuditAction {
    CREATE, READ, UPDATE, DELETE, SEARCH
}
