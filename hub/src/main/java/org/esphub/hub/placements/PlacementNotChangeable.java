package org.esphub.hub.placements;

import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * The placement's process is not where it takes this change (it ended, or the job is not verified
 * yet for an end of employment): the API answers 409, nothing changed.
 */
public class PlacementNotChangeable extends DciRejection {

    PlacementNotChangeable(String placementId, String change) {
        super(DciReasonCode.REQUEST_BAD, "placement '" + placementId + "' cannot take " + change
                + " now (it ended, or the job is not verified yet); nothing was changed");
    }
}
