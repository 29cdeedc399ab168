package org.esphub.hub.api;

import java.util.regex.Pattern;

/**
 * The person ids the hub accepts: national and SP ids are letters, digits, dot, dash and
 * underscore. The id goes into agency URLs as a path segment ({@code /persons/{person_id}}), so a
 * slash, a question mark or an encoded character could point a call at another resource; such an
 * id is refused where it enters the hub, not discovered at the agency.
 */
public final class PersonIdFormat {

    public static final String DESCRIPTION = "1 to 64 letters, digits, '.', '-' or '_'";
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private PersonIdFormat() {
    }

    public static boolean isUsable(String personId) {
        return personId != null && USABLE.matcher(personId).matches();
    }
}
