package org.esphub.processes;

/** The kinds of agency that take part in a referral and may send the hub events. */
public enum AgencyKind {
    /** Social Assistance: refers, decides training benefits, reports appeals. */
    SA,
    /** Public Employment Service: registers jobseekers, owns the PES finding of the status projection. */
    PES,
    /** A training provider PES engaged for the referral's training. */
    TVET_PROVIDER,
    /** An employer PES proposed the person to. */
    EMPLOYER,
    /** The tax / social-insurance authority (queried by the hub; sends no events today). */
    TAX
}
