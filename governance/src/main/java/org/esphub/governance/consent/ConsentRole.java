package org.esphub.governance.consent;

/** Who gave the consent: the person it concerns, or their guardian (required under the age of majority). */
public enum ConsentRole {
    SUBJECT, GUARDIAN
}
