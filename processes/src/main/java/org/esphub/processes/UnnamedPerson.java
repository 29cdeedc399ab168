package org.esphub.processes;

/**
 * How the models' tasks name a person the hub knows no name of. Their descriptions read
 * "${givenName} ${familyName}"; the annex's training, placement and notification items carry no
 * names, so the caller passes {@link #GIVEN_NAME} as the given name and the person_id as the family
 * name, and the task reads "person PERS-0042".
 */
public final class UnnamedPerson {

    /** The given name in place of one the hub does not know. */
    public static final String GIVEN_NAME = "person";

    private UnnamedPerson() {
    }
}
