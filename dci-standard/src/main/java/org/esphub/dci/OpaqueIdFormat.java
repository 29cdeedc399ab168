package org.esphub.dci;

import java.util.regex.Pattern;

/**
 * The one format of the identifiers the hub accepts and passes on to agencies as a segment of a
 * URL path: a person's national or SP id, a place a provider reserved. Such an id is opaque: the
 * hub never reads meaning into it, and nothing in it may change which resource an agency call
 * reaches.
 *
 * <p>So it is 1 to 64 letters, digits, dot, dash or underscore, and at least one of them a
 * letter or digit. No slash, question mark, percent sign, brace or colon can turn it into
 * another path, a query, an endpoint option or a property placeholder, and an id of dots only
 * ({@code .}, {@code ..}) cannot become a "this" or "parent" segment that an HTTP client or
 * server resolves away. The API, the queue intake and every agency route check ids with this
 * one rule.
 */
public final class OpaqueIdFormat {

    public static final String DESCRIPTION = "1 to 64 letters, digits, '.', '-' or '_', at least one a letter or digit";
    private static final Pattern USABLE = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9._-]{1,64}");

    private OpaqueIdFormat() {
    }

    public static boolean isUsable(String id) {
        return id != null && USABLE.matcher(id).matches();
    }
}
