package org.esphub.hub.intake;

import java.util.List;

/** A message {@link ApiItemIntake} took: the message as admitted and each item's outcome, in its order. */
public record TakenMessage<O>(AdmittedMessage message, List<O> outcomes) {
}
