package org.esphub.governance.consent;

/**
 * Published (as a Spring application event, inside the withdrawal's transaction) when a consent
 * is withdrawn, so the processes that rely on it react in the same transaction.
 */
public record ConsentWithdrawn(Consent consent) {
}
