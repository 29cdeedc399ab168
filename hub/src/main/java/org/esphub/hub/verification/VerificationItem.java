package org.esphub.hub.verification;

/**
 * One person to verify, as a request names them or as the schedule finds them.
 *
 * @param identifierCount how many of the accepted identifier types the request gives (BR.EMPL.02.01)
 */
record VerificationItem(String referenceId, String personId, String givenName, String familyName,
        String birthDate, int identifierCount) {
}
