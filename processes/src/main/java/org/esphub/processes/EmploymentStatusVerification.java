package org.esphub.processes;

/**
 * Names fixed by {@code processes/employment-status-verification.bpmn}, {@code processes/identity-match.dmn}
 * and its forms (PRS.EMPL.02): SA asks whether a beneficiary works; the hub matches the person's identity,
 * asks PES, the tax / social-insurance authority and the employer at the same time, weighs their findings
 * into a status with a confidence, lets an SA caseworker review a doubtful one, and calls
 * {@code benefit-adjustment} when a confirmed employment changes what SA pays on.
 *
 * <p>Element ids, topics, variable names and codes live here once; tests, workers, routes and the hub
 * refer to them only through this class. The weights of the sources are not here: they are the hub's
 * configuration ({@code esp.status-verification}); the identity scores are in the DMN.
 */
public final class EmploymentStatusVerification {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "employment-status-verification";
    public static final String BPMN_RESOURCE = "processes/employment-status-verification.bpmn";
    public static final String DECISION_IDENTITY_MATCH = "identity-match";
    public static final String DMN_IDENTITY_MATCH_RESOURCE = "processes/identity-match.dmn";
    public static final String FORM_IDENTITY_RESOLUTION = "identity-resolution";
    public static final String FORM_IDENTITY_RESOLUTION_RESOURCE = "forms/identity-resolution.form";
    public static final String FORM_STATUS_REVIEW = "employment-status-review";
    public static final String FORM_STATUS_REVIEW_RESOURCE = "forms/employment-status-review.form";
    /** Bean holding how long a source may take, resolved by name in the model. */
    public static final String SETTINGS_BEAN = "employmentStatusVerificationSettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String VERIFICATION_REQUESTED = "VerificationRequested";
    public static final String FETCH_PROFILE = "FetchProfile";
    public static final String PERSON_UNKNOWN = "PersonUnknown";
    public static final String MATCH_IDENTITY = "MatchIdentity";
    public static final String IDENTITY_GATEWAY = "IdentityGateway";
    public static final String RESOLVE_IDENTITY = "ResolveIdentity";
    public static final String IDENTITY_RESOLVED_GATEWAY = "IdentityResolvedGateway";
    public static final String NOTIFY_IDENTITY_UNRESOLVED = "NotifyIdentityUnresolved";
    public static final String IDENTITY_UNRESOLVED = "IdentityUnresolved";
    public static final String IDENTITY_MERGE = "IdentityMerge";
    public static final String ASK_SOURCES = "AskSources";
    public static final String ASK_PES = "AskPes";
    public static final String PES_SILENT = "PesSilent";
    public static final String ASK_TAX_AUTHORITY = "AskTaxAuthority";
    public static final String TAX_AUTHORITY_SILENT = "TaxAuthoritySilent";
    public static final String ASK_EMPLOYER = "AskEmployer";
    public static final String EMPLOYER_SILENT = "EmployerSilent";
    public static final String SOURCES_ANSWERED = "SourcesAnswered";
    public static final String WEIGH_FINDINGS = "WeighFindings";
    public static final String CONFIDENCE_GATEWAY = "ConfidenceGateway";
    public static final String REVIEW_STATUS = "ReviewEmploymentStatus";
    public static final String STATUS_MERGE = "StatusMerge";
    public static final String NOTIFY_STATUS_VERIFIED = "NotifyStatusVerified";
    public static final String CHANGE_GATEWAY = "ChangeGateway";
    public static final String ADJUST_BENEFIT = "AdjustBenefit";
    public static final String BENEFIT_ADJUSTED = "BenefitAdjusted";
    public static final String NO_CHANGE = "NoChange";

    // ---- external-task topics ----------------------------------------------------------------------
    /** SA's profile of the person (the same task and route as the referral's). */
    public static final String TOPIC_FETCH_PROFILE = ReferralToPes.TOPIC_FETCH_PROFILE;
    public static final String TOPIC_PES_LABOUR_STATUS = "pes.report-labour-status";
    public static final String TOPIC_TAX_INSURED_EMPLOYMENT = "tax.report-insured-employment";
    public static final String TOPIC_EMPLOYER_CONFIRMATION = "employer.confirm-employment";
    /** The hub's own step: the confidence rule over the findings (no agency is called). */
    public static final String TOPIC_WEIGH_FINDINGS = "hub.weigh-employment-status";
    public static final String TOPIC_NOTIFY_SA = BenefitAdjustment.TOPIC_NOTIFY_SA;

    /** The purpose of every exchange of this process (agreement employment-status-verification). */
    public static final String PURPOSE_BENEFIT_ADMINISTRATION = "BENEFIT_ADMINISTRATION";

    // ---- candidate group ---------------------------------------------------------------------------
    public static final String GROUP_SA_CASEWORKERS = BenefitAdjustment.GROUP_SA_CASEWORKERS;

    // ---- process variables: supplied by whoever starts it (SA's request or the scheduled re-verification)
    /** Business key too: the verification's own reference (one per person of a request). */
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The names and birth date the request gives for the person (may be null); compared with SA's record. */
    public static final String VAR_REQUEST_GIVEN_NAME = "requestGivenName";
    public static final String VAR_REQUEST_FAMILY_NAME = "requestFamilyName";
    public static final String VAR_REQUEST_BIRTH_DATE = "requestBirthDate";
    /** How many distinct identifiers the request gives (national id, tax id, social security number, ...). */
    public static final String VAR_IDENTIFIER_COUNT = "identifierCount";
    /** One of the TRIGGER_* codes. */
    public static final String VAR_VERIFICATION_TRIGGER = "verificationTrigger";
    /** The Tasklist rows and descriptions show them: the request's names until SA's record replaces them. */
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";

    /** SA's systems asked (POST .../status/verifications). */
    public static final String TRIGGER_SA_REQUEST = "SA_REQUEST";
    /** The hub's scheduled re-verification of persons in an active referral or benefit adjustment. */
    public static final String TRIGGER_SCHEDULED = "SCHEDULED";

    // ---- process variables: set by FetchProfile (sa.fetch-profile, the referral's profile fetch) --------
    /** SA's record replaces the request's names once read: what SA knows the person as. */
    public static final String VAR_BIRTH_DATE = ReferralToPes.VAR_BIRTH_DATE;
    /** What SA pays now each month (number), null when no benefit is paid: what SA pays on. */
    public static final String VAR_MONTHLY_BENEFIT_AMOUNT = ReferralToPes.VAR_MONTHLY_BENEFIT_AMOUNT;

    // ---- set by MatchIdentity (DMN identity-match, collect sum) ---------------------------------------
    /** 0..1: how sure the hub is that SA's record is the person asked about. */
    public static final String VAR_IDENTITY_MATCH_SCORE = "identityMatchScore";

    // ---- set by ResolveIdentity (form identity-resolution) --------------------------------------------
    /** {@link #IDENTITY_CONFIRMED} or {@link #IDENTITY_NOT_CONFIRMED}. */
    public static final String VAR_IDENTITY_DECISION = "identityDecision";
    public static final String VAR_IDENTITY_NOTE = "identityNote";
    public static final String IDENTITY_CONFIRMED = "CONFIRMED";
    public static final String IDENTITY_NOT_CONFIRMED = "NOT_CONFIRMED";

    // ---- set by the source tasks (one finding each, SourceFinding codes, and as of when) -------------
    public static final String VAR_PES_FINDING = "pesFinding";
    public static final String VAR_PES_AS_OF = "pesAsOf";
    public static final String VAR_TAX_FINDING = "taxFinding";
    public static final String VAR_TAX_AS_OF = "taxAsOf";
    public static final String VAR_EMPLOYER_FINDING = "employerFinding";
    public static final String VAR_EMPLOYER_AS_OF = "employerAsOf";
    /** With an employed finding: who employs, since when, for how much a month (number). */
    public static final String VAR_EMPLOYER_NAME = "employerName";
    public static final String VAR_EMPLOYMENT_START_DATE = "employmentStartDate";
    public static final String VAR_MONTHLY_EMPLOYMENT_INCOME = BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME;

    /** The source's record shows the person in work. */
    public static final String FINDING_EMPLOYED = "EMPLOYED";
    /** The source's record shows the person not in work. */
    public static final String FINDING_NOT_EMPLOYED = "NOT_EMPLOYED";
    /** PES: a registered jobseeker (counts as not employed). */
    public static final String FINDING_REGISTERED_JOBSEEKER = "REGISTERED_JOBSEEKER";
    /** The source has no record of the person: it votes for nothing. */
    public static final String FINDING_NOT_KNOWN = "NOT_KNOWN";

    // ---- set by WeighFindings (the confidence rule) ----------------------------------------------------
    /** One of BenefitAdjustment's EMPLOYMENT_STATUS_* codes; the review may change it. */
    public static final String VAR_EMPLOYMENT_STATUS = BenefitAdjustment.VAR_EMPLOYMENT_STATUS;
    /** 0..1, two decimals. */
    public static final String VAR_CONFIDENCE = "statusConfidence";
    /** Boolean: below the threshold, or the sources gave no status. */
    public static final String VAR_MANUAL_REVIEW_REQUIRED = "manualReviewRequired";
    /** Each source's finding, weight and freshness, one line per source, for the review form and SA. */
    public static final String VAR_FINDINGS_SUMMARY = "findingsSummary";

    // ---- set by ReviewEmploymentStatus (form employment-status-review) -------------------------------
    public static final String VAR_REVIEW_NOTE = "reviewNote";
    /** Who confirmed the status (the authenticated user). */
    public static final String VAR_STATUS_REVIEWED_BY = "statusReviewedBy";

    // ---- local inputs of sa.notify-outcome ---------------------------------------------------------
    public static final String INPUT_OUTCOME = BenefitAdjustment.INPUT_OUTCOME;
    public static final String INPUT_REASON = BenefitAdjustment.INPUT_REASON;
    public static final String OUTCOME_STATUS_VERIFIED = "EMPLOYMENT_STATUS_VERIFIED";
    public static final String OUTCOME_IDENTITY_UNRESOLVED = "IDENTITY_UNRESOLVED";

    // ---- result ------------------------------------------------------------------------------------
    /** One of the VERIFICATION_OUTCOME_* codes, set by the end event reached. */
    public static final String VAR_VERIFICATION_OUTCOME = "verificationOutcome";
    public static final String VERIFICATION_OUTCOME_NO_CHANGE = "NO_CHANGE";
    public static final String VERIFICATION_OUTCOME_BENEFIT_ADJUSTED = "BENEFIT_ADJUSTED";
    public static final String VERIFICATION_OUTCOME_IDENTITY_UNRESOLVED = "IDENTITY_UNRESOLVED";

    private EmploymentStatusVerification() {
    }
}
