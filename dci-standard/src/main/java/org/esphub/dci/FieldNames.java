package org.esphub.dci;

/**
 * DCI payloads name fields in snake_case; process variables use camelCase. The conversion is
 * mechanical and lives here once.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /** {@code pes_case_number} → {@code pesCaseNumber}. */
    public static String camelCase(String snakeCase) {
        StringBuilder out = new StringBuilder(snakeCase.length());
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code pesCaseNumber} → {@code pes_case_number}. */
    public static String snakeCase(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
