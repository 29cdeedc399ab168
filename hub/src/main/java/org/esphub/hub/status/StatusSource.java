package org.esphub.hub.status;

/** The agencies whose records decide a person's employment status. */
public enum StatusSource {
    /** Public Employment Service: who is a registered jobseeker, in which programmes. */
    PES,
    /** Tax / social-insurance authority: who is in insured employment, with which employer and income. */
    TAX_SOCIAL_INSURANCE,
    /** Employers, asked directly whether they employ the person (employment-status-verification only). */
    EMPLOYER_DIRECT
}
