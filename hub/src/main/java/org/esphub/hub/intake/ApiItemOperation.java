package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An operation's share of {@link ApiItemIntake}: its terms, the item checks of its own, how one
 * item is taken and how the outcomes are told. The intake does everything else the same for every
 * operation. An item's outcome ({@code O}) carries the operation's own reason codes when it is
 * refused; a refused item changes nothing but its own record.
 *
 * @param <O> what happened to one item
 */
public interface ApiItemOperation<O> {

    ApiItemTerms terms();

    /**
     * Adds the problems of the item's own values, beyond its person_id and reference_id, that the
     * hub cannot store or use; any problem refuses the whole message before anything is written.
     *
     * @param at the item's JSON path with a trailing dot, e.g. {@code $.message.training_request[0].}
     */
    default void addProblems(JsonNode item, String at, List<String> problems) {
    }

    /** Takes one item of an admitted, recorded message: starts, attaches, delivers or refuses it. */
    O accept(ApiItem item, AdmittedMessage message);

    /** Tells the sender the items' outcomes (callback, webhook), in the intake's transaction. */
    void report(AdmittedMessage message, List<O> outcomes);
}
