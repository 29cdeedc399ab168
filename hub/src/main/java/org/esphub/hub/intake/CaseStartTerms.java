package org.esphub.hub.intake;

/**
 * What an API operation whose items each start a case says about itself, declared once by the operation.
 * The item's fields become the case's variables through the contract of {@code startMessage} in
 * {@link org.esphub.processes.AgencyEvents}: the agency's queue event of that name starts the same case,
 * so both ways in set the same variables, named and typed in one place.
 *
 * @param items the API-item terms: request, senders, the gate's exchange and purpose
 * @param startMessage the message that starts the case's process, with the item's reference_id as business key
 * @param caseName what the logs call such a case, e.g. "return to work"
 * @param referenceTaken the item's reason code when its reference_id names a case of the hub already
 * @param responsesField the answer's field that lists each item's outcome, e.g. {@code sa_access_responses}
 * @param whatFollows what the answer of a started case says happens next, e.g. "the person's consent and
 *        SA's figures are checked next, and PES is told SA's decision"
 */
public record CaseStartTerms(ApiItemTerms items, String startMessage, String caseName, String referenceTaken,
        String responsesField, String whatFollows) {
}
