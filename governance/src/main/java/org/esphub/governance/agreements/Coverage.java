package org.esphub.governance.agreements;

/** An exchange as one agreement allows it. */
public record Coverage(DataSharingAgreement agreement, AgreementExchange exchange) {
}
