package org.esphub.simulators;

import org.springframework.http.HttpStatus;

/**
 * A request the simulator refuses, as a real agency system would. Carries what the caller
 * sees: the HTTP status and the error code; {@link SimulatorExceptionHandler} renders it.
 */
public abstract class SimulatorException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;

    protected SimulatorException(HttpStatus status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
