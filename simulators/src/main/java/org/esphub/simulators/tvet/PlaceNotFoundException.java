package org.esphub.simulators.tvet;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404: no held place or enrolment answers to what the request names. */
public class PlaceNotFoundException extends SimulatorException {

    public PlaceNotFoundException(String errorCode, String message) {
        super(HttpStatus.NOT_FOUND, errorCode, message);
    }
}
