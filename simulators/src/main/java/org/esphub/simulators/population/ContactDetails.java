package org.esphub.simulators.population;

import java.util.Locale;

/**
 * Fictional contact details derived from the person id, so they are unique and can never reach
 * a real person: country code +999 is not assigned, and example.org is reserved (RFC 2606).
 */
final class ContactDetails {

    private ContactDetails() {
    }

    static String phone(String personId) {
        String tail = personId.substring(personId.length() - 6);
        return "+999 7" + tail.substring(0, 2) + " " + tail.substring(2);
    }

    static String email(String givenName, String familyName, String personId) {
        String local = (givenName + "." + familyName).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        return local + "." + personId.substring(personId.length() - 5) + "@example.org";
    }
}
