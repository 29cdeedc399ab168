package org.esphub.processes;

import java.util.Map;

/**
 * What {@code rectification.bpmn} asks of the hub once the source agency decided: keep the decision with
 * the request and, for a correction, give it its version and name the agencies that received the old value.
 * The process owns this contract; the hub implements it from its audit log.
 */
public interface RectificationRecord {

    /** The bean name the model refers to ({@code ${rectificationRecord...}}). */
    String BEAN = "rectificationRecord";

    /**
     * @return the process variables the notices need: {@link Rectification#VAR_VERSION} (one more than the
     *     field's last correction for the person), {@link Rectification#VAR_RECEIVER_KINDS} (the kinds of
     *     agency, {@link AgencyKind} names each once, that received the old value and are to be told) and
     *     {@link Rectification#VAR_EMPLOYER_RECEIVERS} (the employer ids, each once, that received it; a list,
     *     empty when none did)
     */
    Map<String, Object> corrected(String rectificationId, String checkedBy);

    void refused(String rectificationId, String checkedBy);
}
