package org.esphub.routes;

/**
 * The route that parks a refused inbound message in the hub's dead-letter queue
 * (hub-dead-letter.yaml), for hub code that refuses a message after its route has acknowledged
 * it (an early agency event that was held and never taken). The refusal travels as the caught
 * exception ({@code org.apache.camel.Exchange.EXCEPTION_CAUGHT}), a
 * {@link org.esphub.dci.DciRejection}.
 */
public final class ParkedMessages {

    /** Where a refused inbound message is sent to be parked with its reason. */
    public static final String PARK = "direct:reject-to-dead-letter";
    /** The queue the message came from, for the operator who corrects and resends it. */
    public static final String REJECTED_FROM = "EspRejectedFrom";

    private ParkedMessages() {
    }
}
