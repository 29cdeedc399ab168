package org.esphub.hub.outbound;

/** A webhook or callback URL the hub will not call; the message says why, for the client to read. */
public class ForbiddenTarget extends RuntimeException {

    public ForbiddenTarget(String message) {
        super(message, null, false, false);
    }
}
