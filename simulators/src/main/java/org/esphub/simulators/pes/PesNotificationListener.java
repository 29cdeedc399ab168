package org.esphub.simulators.pes;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.inbox.NotificationRecorder;
import org.springframework.jms.annotation.JmsListener;

/** Consumes the hub's notifications to PES and records each one in the {@link PesNotificationInbox}. */
public class PesNotificationListener {

    private final NotificationRecorder recorder;

    public PesNotificationListener(NotificationRecorder recorder) {
        this.recorder = recorder;
    }

    @JmsListener(id = "sim-pes-notifications", destination = SimulatorQueues.PES_NOTIFICATIONS_OUT,
            containerFactory = PesSimulatorConfiguration.LISTENERS)
    public void onNotification(Message message) throws JMSException {
        recorder.record(message);
    }
}
