package org.esphub.routes;

import org.esphub.dci.OpaqueIdFormat;

/**
 * A route was asked to name a resource at an agency by an id that is not {@link OpaqueIdFormat
 * usable} (e.g. {@code ..}, {@code 1?httpMethod=DELETE}); nothing was sent. Retrying cannot help:
 * like a refusal of the data-sharing gate, it ends the route as the business outcome
 * {@code EXCHANGE_REFUSED} ({@code data-sharing-gate.yaml}), whose message leads with
 * {@link #CODE}.
 */
public class UnusableIdentifier extends RuntimeException {

    /** Leads the message, as the gate's refusal codes lead theirs. */
    public static final String CODE = "UNUSABLE_IDENTIFIER";
    /** How much of a refused id the message repeats: enough to find it, not a whole payload. */
    private static final int SHOWN = 80;

    public UnusableIdentifier(String template, String id) {
        super(CODE + ": the hub does not call an agency at " + template + " with the id " + shown(id)
                + "; an id must be " + OpaqueIdFormat.DESCRIPTION, null, false, false);
    }

    /**
     * The refusal's message, for the route configuration that turns it into a business outcome:
     * a route computes a path in an expression, which Camel reports wrapped in its own exception.
     *
     * @return the message of the first {@code UnusableIdentifier} in the failure's causes
     */
    public static String reasonIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusableIdentifier refusal) {
                return refusal.getMessage();
            }
        }
        throw new IllegalArgumentException("not a refusal of an identifier", failure);
    }

    private static String shown(String id) {
        if (id == null) {
            return "(none)";
        }
        String head = id.length() > SHOWN ? id.substring(0, SHOWN) + "..." : id;
        // a line break or control character in an id must not forge lines in a log
        return "'" + head.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
