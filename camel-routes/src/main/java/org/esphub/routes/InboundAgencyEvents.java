package org.esphub.routes;

/**
 * Where the agency event routes ({@code pes-events-inbound}, {@code sa-events-inbound}) hand an
 * event read from the queue. The routes own this contract and the hub implements it (its agency
 * event intake), so a route names a method of its own module, not a hub bean's.
 */
public interface InboundAgencyEvents {

    /** The bean name the routes refer to ({@code ref: inboundAgencyEvents}). */
    String BEAN = "inboundAgencyEvents";

    /**
     * Takes the event or throws: {@link org.esphub.dci.DciRejection} parks it with its reason,
     * anything else rolls the JMS transaction back for redelivery.
     *
     * @param agency the queue's agency, for the log and the reason (SA, PES)
     * @param body the event envelope as received
     * @param deliveryCount the broker's delivery count (JMSXDeliveryCount), 1 on first delivery
     * @param brokerUser the broker user the broker authenticated the sender as
     */
    void accept(String agency, String body, Integer deliveryCount, String brokerUser);
}
