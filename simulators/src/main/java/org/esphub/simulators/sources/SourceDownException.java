package org.esphub.simulators.sources;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 503: the source was set to be down for the person asked about. */
public class SourceDownException extends SimulatorException {

    public SourceDownException(String source) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "source.unavailable", "The " + source + " simulator is set to be down"
                + " for this person (DELETE its behaviour to bring it back).");
    }
}
