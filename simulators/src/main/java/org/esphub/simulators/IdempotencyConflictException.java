package org.esphub.simulators;

import org.springframework.http.HttpStatus;

/** 409: an Idempotency-Key was reused for a different request, which is a caller bug. */
public class IdempotencyConflictException extends SimulatorException {

    public IdempotencyConflictException(String idempotencyKey) {
        super(HttpStatus.CONFLICT, "idempotency.conflict",
                "Idempotency-Key " + idempotencyKey + " was already used for a different request.");
    }
}
