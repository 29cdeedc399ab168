package org.esphub.governance.consent;

/** No consent has the given id. */
public class UnknownConsent extends RuntimeException {

    public UnknownConsent(String id) {
        super("no consent with id '" + id + "'");
    }
}
