package org.esphub.hub.api;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.esphub.dci.DciReasonCode;
import org.esphub.governance.audit.AuditUnavailable;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The answer to a failure no handler expected, for both APIs. 503 {@code err.service.unavailable}
 * promises that the same request may succeed later, so it is given only for what passes: the
 * database or the audit log unreachable, a lock or timeout, a concurrent request that wrote the
 * same key first. A value the database refuses is the
 * request's fault (every stored value is checked against {@code StoredField} first, so this is a
 * last line) and is 400. Anything else is a fault of the hub: 500, logged with its stack trace,
 * never shown. The standard has no code for an internal error; {@code err.service.unavailable}
 * is the nearest, and the status tells a client that retrying will not help.
 */
public final class UnexpectedFailures {

    private UnexpectedFailures() {
    }

    public static ResponseEntity<Map<String, Object>> answer(Exception e, Logger log, String api) {
        if (isTransient(e)) {
            log.warn("{} request failed for a passing reason: {}", api, e.toString());
            return error(HttpStatus.SERVICE_UNAVAILABLE, DciReasonCode.SERVICE_UNAVAILABLE,
                    "the hub cannot process the request now; nothing was stored, please retry");
        }
        if (causedBy(e, DataIntegrityViolationException.class)) {
            log.warn("{} request refused by the database: {}", api, e.toString());
            return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD,
                    "a value of the request cannot be stored as it is; nothing was stored");
        }
        log.error("{} request failed", api, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, DciReasonCode.SERVICE_UNAVAILABLE,
                "the hub failed on this request (the fault is logged); nothing was stored");
    }

    static boolean isTransient(Throwable e) {
        // a concurrent request wrote the same key first: the same request again gets the settled answer
        return causedBy(e, DuplicateKeyException.class) || causedBy(e, AuditUnavailable.class) || causedBy(e, TransientDataAccessException.class)
                || causedBy(e, DataAccessResourceFailureException.class)
                || causedBy(e, CannotCreateTransactionException.class)
                || causedBy(e, QueryTimeoutException.class) || causedBy(e, PessimisticLockingFailureException.class)
                || causedBy(e, OptimisticLockingException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, DciReasonCode code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(DciHttpErrors.body(code, message));
    }
}
