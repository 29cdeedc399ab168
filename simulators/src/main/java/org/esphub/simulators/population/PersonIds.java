package org.esphub.simulators.population;

/** Person ids are 11 digits, numbered from {@code 10000000001}. */
final class PersonIds {

    private static final long BASE = 10_000_000_000L;

    private PersonIds() {
    }

    /** The id of the n-th person, counting from 1. */
    static String ofOrdinal(int ordinal) {
        return Long.toString(BASE + ordinal);
    }
}
