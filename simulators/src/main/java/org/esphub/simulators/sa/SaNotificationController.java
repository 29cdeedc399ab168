package org.esphub.simulators.sa;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.inbox.NotificationCounts;
import org.esphub.simulators.inbox.ReceivedNotification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows what the hub has notified SA of, so demos and tests can check the hub's output. */
@RestController
@ConditionalOnSimulatorsEnabled
class SaNotificationController {

    private final SaNotificationInbox inbox;

    SaNotificationController(SaNotificationInbox inbox) {
        this.inbox = inbox;
    }

    /** Received notifications, newest last, optionally only those about one referral or person. */
    @GetMapping("/sim/sa/notifications")
    List<ReceivedNotification> notifications(
            @RequestParam(name = "reference_id", required = false) String referenceId,
            @RequestParam(name = "person_id", required = false) String personId) {
        return inbox.about(referenceId, personId);
    }

    /** How many notifications arrived and how many told SA again what it had been told (failure tests). */
    @GetMapping("/sim/sa/notifications/counts")
    NotificationCounts counts() {
        return inbox.counts();
    }
}
