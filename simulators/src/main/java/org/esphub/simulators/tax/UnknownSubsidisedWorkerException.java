package org.esphub.simulators.tax;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404: nobody declared this worker as subsidised at this employer. */
public class UnknownSubsidisedWorkerException extends SimulatorException {

    public UnknownSubsidisedWorkerException(String employerId, String personId) {
        super(HttpStatus.NOT_FOUND, "subsidised_worker.unknown",
                "No subsidised worker " + personId + " is declared at employer " + employerId + ".");
    }
}
