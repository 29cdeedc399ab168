package org.esphub.simulators;

import org.springframework.http.HttpStatus;

/** 400: the request itself is malformed (missing field, bad paging parameter, ...). */
public class InvalidRequestException extends SimulatorException {

    public InvalidRequestException(String errorCode, String message) {
        super(HttpStatus.BAD_REQUEST, errorCode, message);
    }
}
