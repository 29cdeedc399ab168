package org.esphub.hub.api;

import java.io.IOException;

/**
 * A request body beyond {@code esp.http.max-request-body}, found while it was read (a chunked
 * body declares no length up front). Answered 413 in the standard's error format.
 */
public class RequestBodyTooLarge extends IOException {

    public RequestBodyTooLarge(long limit) {
        super(message(limit));
    }

    public static String message(long limit) {
        return "the request body is larger than the hub accepts (" + limit + " bytes); nothing was stored";
    }

    /** The body over the limit that caused the failure (it or anything it was caused by), or null. */
    public static RequestBodyTooLarge in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
