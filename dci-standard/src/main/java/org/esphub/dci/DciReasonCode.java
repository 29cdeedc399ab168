package org.esphub.dci;

/**
 * Error and rejection codes of the DCI standard that the hub answers with.
 *
 * <p>{@code err.*} codes come from {@code common/schema/Error.yaml} (the message as a whole could
 * not be processed); {@code rjct.*} codes come from {@code MsgHeaderStatusReasonCode.yaml}
 * (the header was understood but the request is refused). The hub adds no codes of its own for
 * envelope problems, so an agency's existing DCI error handling applies unchanged.
 */
public enum DciReasonCode {
    REQUEST_BAD("err.request.bad"),
    REQUEST_UNAUTHORIZED("err.request.unauthorized"),
    REQUEST_FORBIDDEN("err.request.forbidden"),
    REQUEST_NOT_FOUND("err.request.not_found"),
    /** Too many failed logins from one client address (answered 429 with Retry-After). */
    REQUEST_TOO_MANY("err.request.too_many_requests"),
    VERSION_NOT_SUPPORTED("err.version.not_supported"),
    SENDER_ID_INVALID("err.sender_id.invalid"),
    RECEIVER_ID_INVALID("err.receiver_id.invalid"),
    SIGNATURE_MISSING("err.signature.missing"),
    SIGNATURE_INVALID("err.signature.invalid"),
    ENCRYPTION_INVALID("err.encryption.invalid"),
    SERVICE_UNAVAILABLE("err.service.unavailable"),
    ACTION_INVALID("rjct.action.invalid"),
    ACTION_NOT_SUPPORTED("rjct.action.not_supported"),
    MESSAGE_ID_DUPLICATE("rjct.message_id.duplicate"),
    MESSAGE_TS_INVALID("rjct.message_ts.invalid"),
    TOTAL_COUNT_INVALID("rjct.total_count.invalid"),
    TOTAL_COUNT_LIMIT_EXCEEDED("rjct.total_count.limit_exceeded");

    private final String code;

    DciReasonCode(String code) {
        this.code = code;
    }

    /** The code exactly as the standard spells it, e.g. {@code err.request.bad}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
