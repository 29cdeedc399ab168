package org.esphub.processes;

/**
 * Durations of {@code processes/training-enrolment.bpmn}, resolved by the engine as the bean
 * {@code trainingEnrolmentSettings}, e.g. {@code ${trainingEnrolmentSettings.slotHoldWorkingDays}}.
 *
 * <p>Plain class without defaults: the hub binds it from {@code esp.lifecycle.training-enrolment.*},
 * process tests register it with {@code Mocks}. Policy values belong in configuration, not in Java.
 */
public class TrainingEnrolmentSettings {

    private final int slotHoldWorkingDays;

    /**
     * @param slotHoldWorkingDays working days the training provider holds a reserved place while SA
     *                            decides on the training benefit; when they pass, the place is released
     */
    public TrainingEnrolmentSettings(int slotHoldWorkingDays) {
        if (slotHoldWorkingDays < 1) {
            throw new IllegalArgumentException("slotHoldWorkingDays must be at least 1: " + slotHoldWorkingDays);
        }
        this.slotHoldWorkingDays = slotHoldWorkingDays;
    }

    public int getSlotHoldWorkingDays() {
        return slotHoldWorkingDays;
    }
}
