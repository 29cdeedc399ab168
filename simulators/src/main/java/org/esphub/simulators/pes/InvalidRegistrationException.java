package org.esphub.simulators.pes;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 422: the registration is well-formed JSON but PES cannot accept it. */
public class InvalidRegistrationException extends SimulatorException {

    public InvalidRegistrationException(String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "registration.invalid", message);
    }
}
