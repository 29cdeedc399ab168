package org.esphub.simulators;

import org.springframework.http.HttpStatus;

/** 422: the request is well-formed JSON but the agency cannot act on it (an unknown code, a value out of range). */
public class UnprocessableRequestException extends SimulatorException {

    public UnprocessableRequestException(String errorCode, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, errorCode, message);
    }
}
