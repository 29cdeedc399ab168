package org.esphub.simulators;

/**
 * The Artemis anycast queues the simulators use, named once. The names are part of the hub's
 * public contract (README, "Demo users": the broker users and their queues); the simulators only ever see the hub through them.
 */
public final class SimulatorQueues {

    /** Hub to SA: notifications the SA simulator consumes and keeps. */
    public static final String SA_NOTIFICATIONS_OUT = "esp.sa.notifications.out";

    /** SA to hub: events the SA simulator emits on request (e.g. appeals). */
    public static final String SA_EVENTS_IN = "esp.sa.events.in";

    /**
     * PES to hub: events such as {@code RegistrationConfirmed}, and those of PES's partners, the
     * training providers (TVET) and employers, which reach the hub through PES.
     */
    public static final String PES_EVENTS_IN = "esp.pes.events.in";

    /** Hub to PES: notifications the PES simulator consumes and keeps. */
    public static final String PES_NOTIFICATIONS_OUT = "esp.pes.notifications.out";

    private SimulatorQueues() {
    }
}
