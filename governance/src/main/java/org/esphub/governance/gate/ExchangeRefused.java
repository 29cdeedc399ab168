package org.esphub.governance.gate;

/**
 * The gate refused an exchange; nothing was sent and the refusal is in the audit log. Routes turn
 * it into the BPMN error {@link #BPMN_ERROR_CODE}, APIs into a 403.
 */
public class ExchangeRefused extends RuntimeException {

    /** The BPMN error code a refused exchange raises in the process that asked for it. */
    public static final String BPMN_ERROR_CODE = "EXCHANGE_REFUSED";

    private final RefusalReason reason;
    private final String exchange;

    public ExchangeRefused(RefusalReason reason, String exchange, String explanation) {
        // the message leads with the code, so a process that stores it can branch or report on it
        super(reason.name() + ": " + exchange + ": " + explanation, null, false, false);
        this.reason = reason;
        this.exchange = exchange;
    }

    public RefusalReason reason() {
        return reason;
    }

    public String exchange() {
        return exchange;
    }
}
