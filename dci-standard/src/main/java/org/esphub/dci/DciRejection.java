package org.esphub.dci;

import java.util.List;

/**
 * A request the hub refuses, with the DCI reason code and the problems found.
 *
 * <p>Thrown before anything is stored or started, so a rejected request changes nothing.
 * {@link #getMessage()} is safe to return to the sender: it names fields, never internals.
 */
public class DciRejection extends RuntimeException {

    private final DciReasonCode reasonCode;
    private final List<String> details;

    public DciRejection(DciReasonCode reasonCode, String message) {
        this(reasonCode, message, List.of());
    }

    public DciRejection(DciReasonCode reasonCode, String message, List<String> details) {
        super(message, null, false, false);
        this.reasonCode = reasonCode;
        this.details = List.copyOf(details);
    }

    public DciReasonCode getReasonCode() {
        return reasonCode;
    }

    /** One line per problem, each naming the JSON path of the failing field. */
    public List<String> getDetails() {
        return details;
    }

    /** The reason in one line: code, message and the first problems. */
    public String describe() {
        StringBuilder text = new StringBuilder(reasonCode.code()).append(": ").append(getMessage());
        details.stream().limit(10).forEach(d -> text.append("; ").append(d));
        if (details.size() > 10) {
            text.append("; and ").append(details.size() - 10).append(" more");
        }
        return text.toString();
    }
}
