package org.esphub.simulators.tvet;

import java.util.Locale;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 409: the place is not in a state that allows the request, e.g. confirming a released hold. */
public class PlaceConflictException extends SimulatorException {

    public PlaceConflictException(Reservation place, String wanted) {
        super(HttpStatus.CONFLICT, "reservation." + place.status().toLowerCase(Locale.ROOT),
                "Cannot " + wanted + " " + place.slotId() + ": it is " + place.status() + ".");
    }
}
