package org.esphub.simulators.tvet;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404 {@code programme.unknown}: the provider does not run this programme; the message is shown to the counsellor. */
public class UnknownProgrammeException extends SimulatorException {

    public UnknownProgrammeException(String providerId, String programmeId) {
        super(HttpStatus.NOT_FOUND, "programme.unknown", "Provider " + providerId + " runs no programme "
                + programmeId + "; see GET /sim/tvet/programmes.");
    }
}
