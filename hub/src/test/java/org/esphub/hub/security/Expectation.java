package org.esphub.hub.security;

/**
 * What one identity should meet at one endpoint, as a cell of the authorization matrix says it.
 * Only the authorization decision matters: a probe may carry a dummy id or an empty body, so an
 * identity that is let through may well get 400 or 404.
 */
enum Expectation {

    /** Let through: any answer but 401 and 403. */
    ALLOWED("ok"),
    /** Not authenticated: 401. */
    UNAUTHENTICATED("401"),
    /** Authenticated, not allowed: 403. */
    FORBIDDEN("403"),
    /**
     * Refused, 401 or 403: where whether the endpoint knows the credential at all (a bearer token
     * on an endpoint for people, a technical user) is up to how that endpoint authenticates.
     */
    REFUSED("no"),
    /** The issuer does not even hand this client a token with the operation's scope. */
    NO_TOKEN("-");

    private final String cell;

    Expectation(String cell) {
        this.cell = cell;
    }

    static Expectation ofCell(String cell) {
        for (Expectation expectation : values()) {
            if (expectation.cell.equals(cell)) {
                return expectation;
            }
        }
        throw new IllegalArgumentException("unknown matrix cell '" + cell + "' (ok, 401, 403, no, -)");
    }

    String cell() {
        return cell;
    }

    boolean isMetBy(int status) {
        return switch (this) {
            case ALLOWED -> status != 401 && status != 403;
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
            case REFUSED -> status == 401 || status == 403;
            case NO_TOKEN -> false;
        };
    }
}
