package org.esphub.simulators.sa;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404 {@code request.unknown}: SA has no training-benefit request with this id. */
public class UnknownRequestException extends SimulatorException {

    public UnknownRequestException(String requestId) {
        super(HttpStatus.NOT_FOUND, "request.unknown", "SA has no training-benefit request " + requestId + ".");
    }
}
