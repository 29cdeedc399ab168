package org.esphub.governance.consent;

/**
 * Who records or withdraws a consent: the authenticated caseworker or agency system, and the
 * agreement party (an agency id as agreements name it, e.g. {@code sa.gov.example}) it acts for.
 * The party is what gives it standing on the consent; the id is who did it.
 *
 * @param id the user (Tasklist identity), OAuth2 client or DCI sender that made the change
 * @param party the agency it acted for
 */
public record ConsentActor(String id, String party) {

    public ConsentActor {
        if (id == null || id.isBlank() || party == null || party.isBlank()) {
            throw new IllegalArgumentException("a consent change names who made it and for which party");
        }
    }

    /** A system acting in its own name, such as a DCI sender whose sender_id is the party. */
    public static ConsentActor party(String party) {
        return new ConsentActor(party, party);
    }
}
