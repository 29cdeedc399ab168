package org.esphub.governance.audit;

/**
 * An audit record could not be made durable. Whatever it was to record does not happen: the
 * exchange is not sent (a technical fault, retried), the API answers 503.
 */
public class AuditUnavailable extends RuntimeException {

    public AuditUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
