package org.esphub.simulators.sa;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.inbox.NotificationRecorder;
import org.springframework.jms.annotation.JmsListener;

/** Consumes the hub's notifications to SA and records each one in the {@link SaNotificationInbox}. */
public class SaNotificationListener {

    private final NotificationRecorder recorder;

    public SaNotificationListener(NotificationRecorder recorder) {
        this.recorder = recorder;
    }

    @JmsListener(id = "sim-sa-notifications", destination = SimulatorQueues.SA_NOTIFICATIONS_OUT,
            containerFactory = SaSimulatorConfiguration.LISTENERS)
    public void onNotification(Message message) throws JMSException {
        recorder.record(message);
    }
}
