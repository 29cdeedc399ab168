package org.esphub.governance.agreements;

/** How an exchange leaves the hub; shown to readers of the agreement, not used to route. */
public enum Channel {
    /** A Camel route calling an agency's HTTP API. */
    HTTP,
    /** A Camel route putting a message on an agency's queue. */
    JMS,
    /** A webhook delivery to a subscriber's URL. */
    WEBHOOK,
    /** The answer to a call of one of the hub's APIs. */
    API
}
