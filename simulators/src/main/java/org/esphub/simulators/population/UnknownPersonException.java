package org.esphub.simulators.population;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404: the person id is not in the synthetic population. */
public class UnknownPersonException extends SimulatorException {

    public UnknownPersonException(String personId) {
        super(HttpStatus.NOT_FOUND, "person.unknown", "No person with id " + personId + " is known.");
    }
}
