package org.esphub.simulators.employer;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 404 {@code proposal.unknown}: the employer has no proposal answering to what the request names. */
public class ProposalNotFoundException extends SimulatorException {

    public ProposalNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, "proposal.unknown", "The employer has no proposal " + what + ".");
    }
}
