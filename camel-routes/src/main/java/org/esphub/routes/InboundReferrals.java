package org.esphub.routes;

/**
 * Where {@code sa-referrals-inbound} hands a create-referral message read from the queue. The
 * route owns this contract and the hub implements it (its referral intake), so the route names a
 * method of its own module, and route tests stand in for the hub with a recording implementation.
 */
public interface InboundReferrals {

    /** The bean name the route refers to ({@code ref: inboundReferrals}). */
    String BEAN = "inboundReferrals";

    /**
     * Takes the message or throws: {@link org.esphub.dci.DciRejection} parks it with its reason,
     * anything else rolls the JMS transaction back for redelivery.
     *
     * @param body the message text as received
     * @param jmsCorrelationId the sender's JMSCorrelationID, if it set one
     * @param brokerUser the broker user the broker authenticated the sender as
     */
    void acceptFromQueue(String body, String jmsCorrelationId, String brokerUser);
}
