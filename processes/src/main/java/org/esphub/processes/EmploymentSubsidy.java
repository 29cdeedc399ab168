package org.esphub.processes;

/**
 * Names fixed by {@code processes/employment-subsidy.bpmn} and {@code processes/subsidy-eligibility.dmn}: a
 * wage subsidy for one worker at one employer (UC4, PRS.EMPL.08), targeted by the social registry's
 * vulnerability percentile alone, granted only to employers in good standing with social insurance, paid
 * month by month while the employer keeps its obligations, checked for retention and clawed back pro rata
 * when the worker leaves early.
 *
 * <p>Element ids, topics, the message, variable names and codes live here once; tests, the hub, the routes
 * and the simulators refer to them only through this class. Programmes, bands, rates and caps live in the
 * DMN; periods, the retention checks, the bonus and the arithmetic in {@link EmploymentSubsidySettings}.
 */
public final class EmploymentSubsidy {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "employment-subsidy";
    public static final String BPMN_RESOURCE = "processes/employment-subsidy.bpmn";
    public static final String DECISION_ELIGIBILITY = "subsidy-eligibility";
    public static final String DMN_ELIGIBILITY_RESOURCE = "processes/subsidy-eligibility.dmn";
    /** Start form: a subsidy officer enters a paper application in Tasklist. */
    public static final String FORM_APPLICATION = "subsidy-application";
    public static final String FORM_APPLICATION_RESOURCE = "forms/subsidy-application.form";
    public static final String FORM_APPLICATION_DECISION = "subsidy-application-decision";
    public static final String FORM_APPLICATION_DECISION_RESOURCE = "forms/subsidy-application-decision.form";
    public static final String FORM_NON_COMPLIANCE = "subsidy-non-compliance";
    public static final String FORM_NON_COMPLIANCE_RESOURCE = "forms/subsidy-non-compliance.form";
    /** Bean holding the periods, retention checks, bonus and arithmetic, resolved by name in the model. */
    public static final String SETTINGS_BEAN = "employmentSubsidySettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String SUBSIDY_APPLIED = "SubsidyApplied";
    public static final String RECONSIDER_MERGE = "ReconsiderMerge";
    public static final String ASK_REGISTRY_FOR_PERCENTILE = "AskRegistryForPercentile";
    public static final String CHECK_EMPLOYER_STANDING = "CheckEmployerStanding";
    public static final String PROPOSE_ELIGIBILITY = "ProposeEligibility";
    public static final String DECIDE_APPLICATION = "DecideApplication";
    public static final String APPLICATION_DECISION_GATEWAY = "ApplicationDecisionGateway";
    public static final String NOTIFY_APPROVAL = "NotifyApproval";
    public static final String REGISTRATION_PERIOD_ENDED = "RegistrationPeriodEnded";
    public static final String CHECK_WORKER_REGISTRATION = "CheckWorkerRegistration";
    public static final String REGISTRATION_GATEWAY = "RegistrationGateway";
    public static final String NOTIFY_PAYMENTS_NOT_STARTED = "NotifyPaymentsNotStarted";
    public static final String SUBSIDY_LAPSED = "SubsidyLapsed";
    public static final String MONTH_MERGE = "MonthMerge";
    public static final String MONTH_ENDED = "MonthEnded";
    public static final String REPORT_MONTH = "ReportMonth";
    public static final String MONTHLY_REPORT_GATEWAY = "MonthlyReportGateway";
    public static final String INSTRUCT_PAYMENT = "InstructPayment";
    public static final String RETENTION_POINT_GATEWAY = "RetentionPointGateway";
    public static final String CHECK_RETENTION = "CheckRetention";
    public static final String RETAINED_GATEWAY = "RetainedGateway";
    public static final String PAY_RETENTION_BONUS = "PayRetentionBonus";
    public static final String SUBSIDY_COMPLETED = "SubsidyCompleted";
    public static final String NOTIFY_REFUSAL = "NotifyRefusal";
    public static final String REFUSAL_APPEAL_WINDOW_GATEWAY = "RefusalAppealWindowGateway";
    public static final String REFUSAL_APPEAL_WINDOW_CLOSED = "RefusalAppealWindowClosed";
    public static final String APPLICATION_REFUSED = "ApplicationRefused";
    public static final String REFUSAL_APPEALED = "RefusalAppealed";
    public static final String APPEAL_REFUSAL = "AppealRefusal";
    public static final String REFUSAL_APPEAL_OUTCOME_GATEWAY = "RefusalAppealOutcomeGateway";
    public static final String REFUSAL_UPHELD = "RefusalUpheld";
    public static final String NOTIFY_PAYMENTS_SUSPENDED = "NotifyPaymentsSuspended";
    public static final String REPORT_TO_LABOUR_INSPECTORATE = "ReportToLabourInspectorate";
    public static final String DECIDE_NON_COMPLIANCE = "DecideNonCompliance";
    public static final String NON_COMPLIANCE_GATEWAY = "NonComplianceGateway";
    public static final String NOTIFY_PAYMENTS_RESUMED = "NotifyPaymentsResumed";
    public static final String CLAWBACK_MERGE = "ClawbackMerge";
    public static final String NOTIFY_CLAWBACK = "NotifyClawback";
    public static final String CLAWBACK_APPEAL_WINDOW_GATEWAY = "ClawbackAppealWindowGateway";
    public static final String CLAWBACK_APPEAL_WINDOW_CLOSED = "ClawbackAppealWindowClosed";
    public static final String RECOVERY_MERGE = "RecoveryMerge";
    public static final String INSTRUCT_RECOVERY = "InstructRecovery";
    public static final String CLAWBACK_RECOVERED = "ClawbackRecovered";
    public static final String CLAWBACK_APPEALED = "ClawbackAppealed";
    public static final String APPEAL_CLAWBACK = "AppealClawback";
    public static final String CLAWBACK_APPEAL_OUTCOME_GATEWAY = "ClawbackAppealOutcomeGateway";
    public static final String INSTRUCT_AMENDED_RECOVERY = "InstructAmendedRecovery";
    public static final String AMENDED_CLAWBACK_RECOVERED = "AmendedClawbackRecovered";
    public static final String CLAWBACK_OVERTURNED = "ClawbackOverturned";

    // ---- external-task topics ----------------------------------------------------------------------
    /** The social registry: the worker's vulnerability percentile, nothing else. */
    public static final String TOPIC_CHECK_SUBSIDY_ELIGIBILITY = "sa.check-subsidy-eligibility";
    /** Social insurance: the employer's contributions and open violations. */
    public static final String TOPIC_EMPLOYER_STANDING = "tax.employer-standing";
    /**
     * Social insurance: is the worker insured by the application's employer (registration and retention)? Not a
     * placement's check, which counts any employer.
     */
    public static final String TOPIC_VERIFY_EMPLOYER_REGISTRATION = "tax.verify-employer-registration";
    /** Social insurance: the month's compliance report for the subsidised worker. */
    public static final String TOPIC_COMPLIANCE_REPORT = "tax.subsidy-compliance-report";
    /** SA (treasury): a monthly payment or the retention bonus. */
    public static final String TOPIC_SUBSIDY_PAYMENT = "sa.subsidy-payment";
    /** SA (treasury): recovery of a final clawback. */
    public static final String TOPIC_SUBSIDY_RECOVERY = "sa.subsidy-recovery";
    /** The employer's notices: decisions, suspensions, clawbacks. */
    public static final String TOPIC_NOTIFY_EMPLOYER = "employer.notify-subsidy-decision";
    /** The labour inspectorate: an employer's non-compliance to investigate. */
    public static final String TOPIC_REPORT_NON_COMPLIANCE = "labour.report-non-compliance";

    /** Extension property on every service task: the agreement purpose its data moves for (data-sharing gate). */
    public static final String PROPERTY_PURPOSE = "purpose";
    /** Targeting, decision, payments and clawback of the subsidy. */
    public static final String PURPOSE_EMPLOYMENT_SUBSIDY = "EMPLOYMENT_SUBSIDY";
    /** The employer's social-insurance obligations (PRS.EMPL.08): standing, registration, monthly reports, inspection. */
    public static final String PURPOSE_EMPLOYER_COMPLIANCE = "EMPLOYER_COMPLIANCE";

    // ---- message -------------------------------------------------------------------------------
    /** The employer appeals a refusal or a clawback; only waited for while an appeal window is open. */
    public static final String MESSAGE_SUBSIDY_DECISION_APPEALED = "SubsidyDecisionAppealed";

    // ---- candidate group ---------------------------------------------------------------------------
    public static final String GROUP_SUBSIDY_OFFICERS = "subsidy-officers";

    // ---- process variables: the application (API or paper form) ------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The worker's id in the social registry. */
    public static final String VAR_PERSON_ID = "personId";
    /** The worker's names: the officers' task descriptions and Tasklist rows show them. */
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** Whole years on the application date. */
    public static final String VAR_WORKER_AGE = "workerAge";
    /** DCI sex code: {@code female}, {@code male}, {@code other}. */
    public static final String VAR_WORKER_SEX = "workerSex";
    public static final String VAR_EMPLOYER_ID = "employerId";
    public static final String VAR_EMPLOYER_NAME = "employerName";
    /** One of the PROGRAMME_* codes the DMN knows. */
    public static final String VAR_PROGRAMME_CODE = "programmeCode";
    /** Gross monthly wage of the job (number). */
    public static final String VAR_MONTHLY_WAGE = "monthlyWage";
    public static final String VAR_WEEKLY_HOURS = "weeklyHours";
    /** One of the CONTRACT_* codes. */
    public static final String VAR_CONTRACT_TYPE = "contractType";
    /** ISO date the job starts. */
    public static final String VAR_START_DATE = "startDate";
    /** {@link #CHANNEL_API} or {@link #CHANNEL_PAPER} (the start form's default). */
    public static final String VAR_APPLICATION_CHANNEL = "applicationChannel";

    public static final String PROGRAMME_SEJ = "SEJ";
    public static final String PROGRAMME_SMT = "SMT";
    public static final String CONTRACT_PERMANENT = "PERMANENT";
    public static final String CONTRACT_FIXED_TERM = "FIXED_TERM";
    public static final String CHANNEL_API = "API";
    public static final String CHANNEL_PAPER = "PAPER";

    // ---- process variables: the agencies' answers ----------------------------------------------------
    /** The registry's percentile (whole number), null if the person is not in the registry. */
    public static final String VAR_VULNERABILITY_PERCENTILE = "vulnerabilityPercentile";
    public static final String VAR_SA_STATUS = "saStatus";
    public static final String VAR_CONTRIBUTIONS_PAID = "contributionsPaid";
    public static final String VAR_OPEN_VIOLATIONS = "openViolations";
    /** What an employer not in good standing must do first, in words; null when nothing. */
    public static final String VAR_OUTSTANDING_OBLIGATIONS = "outstandingObligations";
    /** The insured-employment check's answer (registration and retention checks). */
    public static final String VAR_INSURED_EMPLOYMENT_FOUND = "insuredEmploymentFound";
    public static final String VAR_WORKER_EMPLOYED = "workerEmployed";
    public static final String VAR_WORKER_REGISTERED = "workerRegistered";
    public static final String VAR_REPORTED_WAGE = "reportedWage";

    // ---- process variables: set by ProposeEligibility (outputs of the DMN subsidy-eligibility) --------
    /** One of the PROPOSAL_* codes. */
    public static final String VAR_ELIGIBILITY_PROPOSAL = "eligibilityProposal";
    public static final String VAR_SUBSIDY_RATE_PERCENT = "subsidyRatePercent";
    public static final String VAR_MONTHLY_CAP = "monthlyCap";
    public static final String VAR_ELIGIBILITY_RULE_ID = "eligibilityRuleId";
    public static final String VAR_ELIGIBILITY_RULE_REASON = "eligibilityRuleReason";

    public static final String PROPOSAL_ELIGIBLE = "ELIGIBLE";
    public static final String PROPOSAL_NOT_ELIGIBLE = "NOT_ELIGIBLE";
    public static final String PROPOSAL_EMPLOYER_NOT_IN_STANDING = "EMPLOYER_NOT_IN_STANDING";

    // ---- rules of the DMN subsidy-eligibility, in table order ----------------------------------------
    public static final String RULE_CONTRIBUTIONS_UNPAID = "Rule_ContributionsUnpaid";
    public static final String RULE_OPEN_VIOLATIONS = "Rule_OpenViolations";
    public static final String RULE_NOT_IN_REGISTRY = "Rule_NotInRegistry";
    public static final String RULE_ABOVE_PERCENTILE_CUT_OFF = "Rule_AbovePercentileCutOff";
    public static final String RULE_WAGE_NOT_STATED = "Rule_WageNotStated";
    public static final String RULE_WAGE_ABOVE_BAND = "Rule_WageAboveBand";
    public static final String RULE_SEJ_FULL_RATE = "Rule_SejFullRate";
    public static final String RULE_SEJ_REDUCED_RATE = "Rule_SejReducedRate";
    public static final String RULE_SMT_FULL_RATE = "Rule_SmtFullRate";
    public static final String RULE_SMT_REDUCED_RATE = "Rule_SmtReducedRate";
    public static final String RULE_SEJ_OUTSIDE_AGE_BAND = "Rule_SejOutsideAgeBand";
    public static final String RULE_SMT_OUTSIDE_TARGET_GROUP = "Rule_SmtOutsideTargetGroup";
    public static final String RULE_UNKNOWN_PROGRAMME = "Rule_UnknownProgramme";

    // ---- process variables: set by DecideApplication (form subsidy-application-decision) --------------
    /** {@link #DECISION_APPROVED} or {@link #DECISION_REFUSED}; an ineligible proposal is refused whatever is chosen. */
    public static final String VAR_SUBSIDY_DECISION = "subsidyDecision";
    /** The officer's reasons for refusing an eligible proposal; the employer reads them. */
    public static final String VAR_REFUSAL_REASON = "refusalReason";
    public static final String VAR_SUBSIDY_DECIDED_BY = "subsidyDecidedBy";
    public static final String VAR_SUBSIDY_DECIDED_AT = "subsidyDecidedAt";

    public static final String DECISION_APPROVED = "APPROVED";
    public static final String DECISION_REFUSED = "REFUSED";
    /** The decision type the appeal's decision record carries for this process. */
    public static final String DECISION_TYPE = "EMPLOYMENT_SUBSIDY";
    /** The decision code of a clawback in the appeal's decision record. */
    public static final String DECISION_CLAWBACK = "CLAWBACK";

    // ---- process variables: the subsidy months ----------------------------------------------------------
    /** Set by NotifyApproval: the last moment for the worker's social-insurance registration (Date). */
    public static final String VAR_REGISTRATION_DUE_AT = "registrationDueAt";
    /** Subsidy months ended so far (whole number), paid or not. */
    public static final String VAR_SUBSIDY_MONTH = "subsidyMonth";
    /** Months paid so far (whole number). */
    public static final String VAR_MONTHS_PAID = "monthsPaid";
    /** Sum of the monthly payments so far (whole currency units). */
    public static final String VAR_SUBSIDY_PAID_TOTAL = "subsidyPaidTotal";

    // ---- process variables: set by DecideNonCompliance (form subsidy-non-compliance) ------------------
    /** {@link #NON_COMPLIANCE_RESUME} or {@link #NON_COMPLIANCE_END}. */
    public static final String VAR_NON_COMPLIANCE_DECISION = "nonComplianceDecision";
    public static final String VAR_NON_COMPLIANCE_NOTES = "nonComplianceNotes";
    public static final String VAR_NON_COMPLIANCE_DECIDED_BY = "nonComplianceDecidedBy";
    public static final String VAR_NON_COMPLIANCE_DECIDED_AT = "nonComplianceDecidedAt";

    public static final String NON_COMPLIANCE_RESUME = "RESUME";
    public static final String NON_COMPLIANCE_END = "END";

    // ---- process variables: the clawback ------------------------------------------------------------------
    /** Why the subsidy is clawed back, in words (set on the way into the clawback). */
    public static final String VAR_CLAWBACK_REASON = "clawbackReason";
    /** Set by NotifyClawback: the amount to recover (whole currency units). */
    public static final String VAR_CLAWBACK_AMOUNT = "clawbackAmount";
    /** Set by the notices with an appeal route: when their appeal window closes (Date). */
    public static final String VAR_APPEAL_WINDOW_CLOSES_AT = "appealWindowClosesAt";
    /** Set by the SubsidyDecisionAppealed event (field {@code appeal_grounds}): why the employer appeals. */
    public static final String VAR_APPEAL_GROUNDS = "appealGrounds";

    // ---- local inputs of the service tasks ------------------------------------------------------------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";
    public static final String INPUT_APPEAL_DEADLINE = "appealDeadline";
    public static final String INPUT_PAYMENT_TYPE = "paymentType";
    public static final String INPUT_AMOUNT = "amount";
    public static final String INPUT_RECOVERY_AMOUNT = "recoveryAmount";
    public static final String INPUT_CHECK_DATE = "checkDate";
    /** Input of the recovery tasks: the appeal's outcome ({@link Appeal}'s OUTCOME_* codes), null if none was filed. */
    public static final String INPUT_APPEAL_OUTCOME = "appealOutcome";

    public static final String PAYMENT_MONTHLY_SUBSIDY = "MONTHLY_SUBSIDY";
    public static final String PAYMENT_RETENTION_BONUS = "RETENTION_BONUS";

    /** Notice codes the employer receives (input {@code outcome} of the employer's notices). */
    public static final String OUTCOME_SUBSIDY_APPROVED = "SUBSIDY_APPROVED";
    public static final String OUTCOME_SUBSIDY_REFUSED = "SUBSIDY_REFUSED";
    public static final String OUTCOME_PAYMENTS_NOT_STARTED = "PAYMENTS_NOT_STARTED";
    public static final String OUTCOME_PAYMENTS_SUSPENDED = "PAYMENTS_SUSPENDED";
    public static final String OUTCOME_PAYMENTS_RESUMED = "PAYMENTS_RESUMED";
    public static final String OUTCOME_CLAWBACK_DECIDED = "CLAWBACK_DECIDED";

    // ---- result --------------------------------------------------------------------------------------
    /** One of the SUBSIDY_OUTCOME_* codes, set by the end event reached. */
    public static final String VAR_SUBSIDY_OUTCOME = "subsidyOutcome";

    public static final String SUBSIDY_OUTCOME_REFUSED = "REFUSED";
    public static final String SUBSIDY_OUTCOME_LAPSED = "LAPSED";
    public static final String SUBSIDY_OUTCOME_COMPLETED = "COMPLETED";
    public static final String SUBSIDY_OUTCOME_CLAWED_BACK = "CLAWED_BACK";
    public static final String SUBSIDY_OUTCOME_CLAWED_BACK_AS_AMENDED = "CLAWED_BACK_AS_AMENDED";
    public static final String SUBSIDY_OUTCOME_CLAWBACK_OVERTURNED = "CLAWBACK_OVERTURNED";

    private EmploymentSubsidy() {
    }
}
