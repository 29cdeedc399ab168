package org.esphub.hub.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.DciRequestValidator;
import org.esphub.dci.OpaqueIdFormat;

/**
 * What the annex requires of a {@code GET /status/{person_id}} request besides the token: an
 * {@code X-Request-Id} UUID, {@code X-DCI-Version} 1.0.0, and a person id the hub can pass on
 * to the sources safely ({@link OpaqueIdFormat}).
 */
final class StatusRequestHeaders {

    static final String SUPPORTED_VERSION = DciRequestValidator.SUPPORTED_VERSION;

    private StatusRequestHeaders() {
    }

    static void check(String personId, String requestId, String dciVersion) {
        List<String> problems = new ArrayList<>();
        if (!OpaqueIdFormat.isUsable(personId)) {
            problems.add("person_id must be " + OpaqueIdFormat.DESCRIPTION);
        }
        if (requestId == null || !isUuid(requestId)) {
            problems.add("header X-Request-Id is required and must be a UUID");
        }
        if (dciVersion == null) {
            problems.add("header X-DCI-Version is required (" + SUPPORTED_VERSION + ")");
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the status request is not valid", problems);
        }
        if (!SUPPORTED_VERSION.equals(dciVersion)) {
            throw new DciRejection(DciReasonCode.VERSION_NOT_SUPPORTED,
                    "X-DCI-Version '" + dciVersion + "' is not supported; this hub speaks " + SUPPORTED_VERSION);
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
