package org.esphub.dci;

/**
 * A kind of DCI request the hub takes, as {@link DciRequestValidator} checks it: an operation of the
 * Employment-SP annex ({@link DciOperation}) or one of the companion operations the hub defines in
 * the same envelope ({@link CompanionOperation}). Intakes name one of these and leave parsing to the
 * validator, so every request is read and refused the same way.
 */
public sealed interface DciRequestType permits DciOperation, CompanionOperation {

    /** The value {@code header.action} must carry. */
    String action();

    /** The field of {@code message} that holds the request's item or items, e.g. {@code referral_request}. */
    String itemsField();

    /** How a refusal names the request a caller sent, e.g. {@code /referrals} or {@code POST /notifications}. */
    String request();
}
