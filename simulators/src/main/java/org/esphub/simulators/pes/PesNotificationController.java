package org.esphub.simulators.pes;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.inbox.ReceivedNotification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows what the hub has notified PES of (attendance warnings, placements, appeal outcomes). */
@RestController
@ConditionalOnSimulatorsEnabled
class PesNotificationController {

    private final PesNotificationInbox inbox;

    PesNotificationController(PesNotificationInbox inbox) {
        this.inbox = inbox;
    }

    /** Received notifications, newest last, optionally only those about one referral or person. */
    @GetMapping("/sim/pes/notifications")
    List<ReceivedNotification> notifications(
            @RequestParam(name = "reference_id", required = false) String referenceId,
            @RequestParam(name = "person_id", required = false) String personId) {
        return inbox.about(referenceId, personId);
    }
}
