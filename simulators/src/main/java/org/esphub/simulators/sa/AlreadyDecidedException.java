package org.esphub.simulators.sa;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 409 {@code request.decided}: the request was decided the other way already; SA does not reverse itself here. */
public class AlreadyDecidedException extends SimulatorException {

    public AlreadyDecidedException(TrainingBenefitCase benefitCase) {
        super(HttpStatus.CONFLICT, "request.decided", "Request " + benefitCase.requestId() + " was already decided: "
                + benefitCase.status() + ".");
    }
}
