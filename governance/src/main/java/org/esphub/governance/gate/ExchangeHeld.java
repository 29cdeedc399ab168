package org.esphub.governance.gate;

/**
 * The gate holds an exchange while a restriction of processing is open ({@link RefusalReason#RESTRICTED}):
 * nothing was sent and the refusal is in the audit log, but unlike other refusals it is not final. Routes
 * turn it into a retry later, not a BPMN error, so the step waits, retried, until the restriction is lifted
 * (lifting makes the held steps due at once).
 */
public class ExchangeHeld extends ExchangeRefused {

    public ExchangeHeld(String exchange, String explanation) {
        super(RefusalReason.RESTRICTED, exchange, explanation);
    }
}
