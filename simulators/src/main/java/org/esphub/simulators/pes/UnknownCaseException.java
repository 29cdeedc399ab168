package org.esphub.simulators.pes;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404: no jobseeker has this case number. */
public class UnknownCaseException extends SimulatorException {

    public UnknownCaseException(String caseNumber) {
        super(HttpStatus.NOT_FOUND, "case.unknown", "No jobseeker with case number " + caseNumber + " is registered.");
    }
}
