package org.esphub.simulators.tvet;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 409 {@code programme.full}: every seat is held or taken; the message is shown to the counsellor. */
public class ProgrammeFullException extends SimulatorException {

    public ProgrammeFullException(TrainingProgramme programme, String startDate) {
        super(HttpStatus.CONFLICT, "programme.full", programme.name() + " (" + programme.programmeId()
                + ") has no seat left for the intake from " + startDate + "; all " + programme.capacity()
                + " are taken.");
    }
}
