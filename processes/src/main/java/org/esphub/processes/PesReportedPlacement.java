package org.esphub.processes;

/**
 * Names fixed by {@code processes/pes-reported-placement.bpmn}: a placement PES made itself for a
 * person outside a referral (POST /job-placements). It calls {@link JobPlacement} at its verification
 * and, as a referral does, adjusts the SA benefit when the placement is verified and again at stable
 * employment ({@link BenefitAdjustment}), each time only if SA says it pays the person a benefit.
 *
 * <p>Element ids, the start message and variable names live here once; the hub and the tests refer to
 * them only through this class. Changing a value means changing the BPMN in the same commit.
 */
public final class PesReportedPlacement {

    // ---- process and model --------------------------------------------------------------------
    public static final String PROCESS_KEY = "pes-reported-placement";
    public static final String BPMN_RESOURCE = "processes/pes-reported-placement.bpmn";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    /** Message start {@link #MESSAGE_PLACEMENT_MADE_BY_PES}. */
    public static final String PLACEMENT_MADE_BY_PES = "PlacementMadeByPes";
    /** Sub-process: the placement and the adjustment its verification triggers share one scope. */
    public static final String PLACEMENT = "Placement";
    /** Call activity: {@link JobPlacement#PROCESS_KEY}, entered at the verification. */
    public static final String JOB_PLACEMENT = "JobPlacement";
    /** Terminate end event: when the placement ends, an adjustment still under way for it ends too. */
    public static final String JOB_PLACEMENT_ENDED = "JobPlacementEnded";
    /** Non-interrupting escalation boundary event on {@link #JOB_PLACEMENT}. */
    public static final String PLACEMENT_VERIFIED = "PlacementVerified";
    public static final String FETCH_BENEFIT_ON_PLACEMENT = "FetchBenefitOnPlacement";
    public static final String BENEFIT_PAID_ON_PLACEMENT_GATEWAY = "BenefitPaidOnPlacementGateway";
    public static final String NO_BENEFIT_ON_PLACEMENT = "NoBenefitOnPlacement";
    /** Call activity: {@link BenefitAdjustment#PROCESS_KEY}, trigger {@link BenefitAdjustment#TRIGGER_PLACEMENT_VERIFIED}. */
    public static final String ADJUST_BENEFIT_TO_PLACEMENT = "AdjustBenefitToPlacement";
    public static final String BENEFIT_ADJUSTED_TO_PLACEMENT = "BenefitAdjustedToPlacement";
    public static final String PLACEMENT_OUTCOME_GATEWAY = "PlacementOutcomeGateway";
    public static final String PLACEMENT_ENDED = "PlacementEnded";
    public static final String FETCH_BENEFIT_ON_STABLE_EMPLOYMENT = "FetchBenefitOnStableEmployment";
    public static final String BENEFIT_PAID_ON_STABLE_EMPLOYMENT_GATEWAY = "BenefitPaidOnStableEmploymentGateway";
    public static final String NO_BENEFIT_ON_STABLE_EMPLOYMENT = "NoBenefitOnStableEmployment";
    /** Call activity: {@link BenefitAdjustment#PROCESS_KEY}, trigger {@link BenefitAdjustment#TRIGGER_STABLE_EMPLOYMENT}. */
    public static final String ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT = "AdjustBenefitToStableEmployment";
    public static final String BENEFIT_ADJUSTED_TO_STABLE_EMPLOYMENT = "BenefitAdjustedToStableEmployment";
    /** Error boundary event on {@link #PLACEMENT}: the gate refused an exchange, here or in a called process. */
    public static final String PLACEMENT_REFUSED = "PlacementRefused";
    public static final String NOTIFY_PES_PLACEMENT_REFUSED = "NotifyPesPlacementRefused";
    public static final String PLACEMENT_NOT_FOLLOWED = "PlacementNotFollowed";

    // ---- external-task topics ----------------------------------------------------------------------
    /** The benefit SA pays now, asked right before each adjustment (the worker sets the two BENEFIT variables). */
    public static final String TOPIC_FETCH_BENEFIT = ReferralToPes.TOPIC_FETCH_BENEFIT;
    public static final String TOPIC_PES_NOTIFY_OUTCOME = JobPlacement.TOPIC_PES_NOTIFY_OUTCOME;
    /** The purpose of asking SA for the benefit in payment (agreement sa-benefit-adjustment-and-appeal). */
    public static final String PURPOSE_BENEFIT_ADJUSTMENT = BenefitAdjustment.PURPOSE_BENEFIT_ADJUSTMENT;
    /**
     * The purpose PES reports placements for (agreement pes-placement-reports): the intake, its callbacks
     * and telling PES that the hub may not follow a placement.
     */
    public static final String PURPOSE_PLACEMENT_REPORTING = "PLACEMENT_REPORTING";

    // ---- BPMN error and what PES is told ------------------------------------------------------------
    /** Raised by the worker when the data-sharing gate refuses an exchange; the message leads with the reason code. */
    public static final String ERROR_EXCHANGE_REFUSED = ReferralToPes.ERROR_EXCHANGE_REFUSED;
    /** Set by {@link #PLACEMENT_REFUSED} from the error's message: the refusal code and its explanation. */
    public static final String VAR_REFUSAL_REASON = ReferralToPes.VAR_REFUSAL_REASON;
    public static final String INPUT_OUTCOME = JobPlacement.INPUT_OUTCOME;
    public static final String INPUT_REASON = JobPlacement.INPUT_REASON;
    public static final String OUTCOME_EXCHANGE_REFUSED = ReferralToPes.OUTCOME_EXCHANGE_REFUSED;

    // ---- message ------------------------------------------------------------------------------------
    /**
     * Starts an instance for a placement PES made itself (POST /job-placements), business key = the
     * placement's reference_id. Sets {@link JobPlacement#VAR_REFERENCE_ID}, {@link JobPlacement#VAR_PERSON_ID},
     * {@link JobPlacement#VAR_CORRELATION_ID}, {@link JobPlacement#VAR_EMPLOYER_ID}, {@link JobPlacement#VAR_JOB_TITLE},
     * {@link JobPlacement#VAR_START_DATE}, {@link JobPlacement#VAR_MONTHLY_WAGE}, {@link JobPlacement#VAR_CONTRACT_TYPE},
     * and {@link JobPlacement#VAR_HOURS_PER_WEEK}, {@link JobPlacement#VAR_CONTRACT_MONTHS},
     * {@link JobPlacement#VAR_VACANCY_ID}, null when PES did not say.
     */
    public static final String MESSAGE_PLACEMENT_MADE_BY_PES = "PlacementMadeByPes";

    // ---- process variables: set by the sa.fetch-benefit tasks and read by the gateways --------------
    /** SA's benefit status ({@link ReferralToPes#BENEFIT_STATUS_ACTIVE} is the one that is adjusted). */
    public static final String VAR_BENEFIT_STATUS = ReferralToPes.VAR_BENEFIT_STATUS;
    public static final String VAR_MONTHLY_BENEFIT_AMOUNT = ReferralToPes.VAR_MONTHLY_BENEFIT_AMOUNT;
    public static final String BENEFIT_STATUS_ACTIVE = ReferralToPes.BENEFIT_STATUS_ACTIVE;

    // ---- process variables: handed back by the called processes ------------------------------------
    /** From benefit-adjustment at the verified placement: one of its ADJUSTMENT_OUTCOME_* codes. */
    public static final String VAR_PLACEMENT_ADJUSTMENT_OUTCOME = ReferralToPes.VAR_PLACEMENT_ADJUSTMENT_OUTCOME;
    /** From benefit-adjustment at stable employment: one of its ADJUSTMENT_OUTCOME_* codes. */
    public static final String VAR_GRADUATION_ADJUSTMENT_OUTCOME = ReferralToPes.VAR_GRADUATION_ADJUSTMENT_OUTCOME;

    private PesReportedPlacement() {
    }
}
