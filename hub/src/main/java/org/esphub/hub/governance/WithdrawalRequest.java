package org.esphub.hub.governance;

/** Body of {@code POST /api/consents/{id}/withdrawal}, optional: why the person withdrew. */
record WithdrawalRequest(String reason) {
}
