package org.esphub.routes;

import java.nio.charset.StandardCharsets;
import org.esphub.dci.OpaqueIdFormat;

/**
 * Builds the path of an agency call that names one resource by id, e.g. {@code persons/{id}}. A
 * route sends to a static endpoint (its base URL, a {@code {{placeholder}}} from configuration)
 * and hands the path over in the header {@code CamelHttpPath}, which the HTTP component appends
 * after it has read the endpoint's options and resolved its placeholders. So the id is never
 * part of an endpoint URI: it cannot add an option ({@code ?httpMethod=DELETE}), a proxy or a
 * placeholder ({@code {{env:HOME}}}).
 *
 * <p>The id is checked again here, with the rule of the API and the queue intake
 * ({@link OpaqueIdFormat}), because it comes from process data that more than the intake can
 * write. An id that fails it is refused ({@link UnusableIdentifier}) and nothing is sent. The id
 * is then percent-encoded as one path segment, so should the format ever admit more characters,
 * they still reach the agency as a literal id and never as a path, a query or a fragment.
 *
 * <p>Stateless; routes create it by type ({@code beanType}), so no host has to register it.
 */
public class AgencyPath {

    /** Where the id goes in a route's path template. */
    static final String ID = "{id}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * @param template the route's path, with {@value #ID} once where the id goes, e.g.
     *     {@code persons/{id}/employments}; it is part of the route, never of the data
     * @param id the identifier, as the process or the caller holds it
     * @return the path with the id as one encoded segment
     * @throws UnusableIdentifier if the id is not {@link OpaqueIdFormat usable}
     */
    public String of(String template, Object id) {
        if (template == null || template.indexOf(ID) < 0 || template.indexOf(ID) != template.lastIndexOf(ID)) {
            throw new IllegalArgumentException("an agency path template names " + ID + " exactly once: " + template);
        }
        String text = id == null ? null : id.toString();
        if (!OpaqueIdFormat.isUsable(text)) {
            throw new UnusableIdentifier(template, text);
        }
        return template.replace(ID, encodeSegment(text));
    }

    /**
     * Whether an id cannot name a resource in an agency path, e.g. one an agency's answer hands the
     * hub for later calls: a route refuses such an answer before the id is kept.
     */
    public boolean isUnusable(Object id) {
        return !(id instanceof String text && OpaqueIdFormat.isUsable(text));
    }

    /** RFC 3986 path segment: every byte but the unreserved characters is percent-encoded ('/' too). */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }
}
