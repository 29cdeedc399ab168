package org.esphub.hub.governance;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls the consent API: the authenticated user or agency client, the agreement parties it
 * acts for, and whether it is an auditor (who reads every consent and changes none).
 */
record ConsentCaller(String id, Set<String> parties, boolean auditor) {

    /** The first of the caller's parties that has standing on a consent, i.e. is one of {@code withStanding}. */
    Optional<String> partyAmong(Collection<String> withStanding) {
        return parties.stream().filter(withStanding::contains).findFirst();
    }
}
