package org.esphub.hub.intake;

import org.esphub.dci.DciRejection;

/** Parks a held event that will not be taken, with its reason, where an operator finds refused messages. */
public interface EventParking {

    void park(HeldEvent event, DciRejection reason);
}
