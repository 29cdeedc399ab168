package org.esphub.processes;

import static org.esphub.processes.AgencyEventContract.Type.BOOLEAN;
import static org.esphub.processes.AgencyEventContract.Type.INTEGER;
import static org.esphub.processes.AgencyEventContract.Type.NUMBER;
import static org.esphub.processes.AgencyEventContract.Type.STRING;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.esphub.processes.AgencyEventContract.Type;
import org.esphub.processes.AgencyEventContract.Variable;

/**
 * The contract of every event agency systems may send ({@code message.event_type} on
 * {@code esp.pes.events.in} or {@code esp.sa.events.in}), across all processes, in one table:
 * which kind of agency may send it, its JSON schema ({@code processes/agency-events/<type>.schema.json})
 * and the process variables it may set. The hub refuses any other event type rather than guess
 * where it belongs, and sets no variable that is not listed here.
 */
public final class AgencyEvents {

    /**
     * Besides its listed variables, a process an event starts gets the hub's correlation id for that
     * event under this name, the one every model reads for what it sends on (as a referral's).
     */
    public static final String VAR_CORRELATION_ID = ReferralToPes.VAR_CORRELATION_ID;

    private static final Set<AgencyKind> SA = Set.of(AgencyKind.SA);
    private static final Set<AgencyKind> PES = Set.of(AgencyKind.PES);
    private static final Set<AgencyKind> PROVIDER = Set.of(AgencyKind.TVET_PROVIDER);
    private static final Set<AgencyKind> EMPLOYER = Set.of(AgencyKind.EMPLOYER);

    /** Every event, by type. */
    public static final Map<String, AgencyEventContract> CONTRACTS = Stream.of(
            AgencyEventContract.waitedFor(ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED, PES, Map.of(
                    "pes_case_number", var(ReferralToPes.VAR_PES_CASE_NUMBER, STRING))),
            AgencyEventContract.waitedFor(TrainingEnrolment.MESSAGE_TRAINING_BENEFIT_DECIDED, SA, Map.of(
                    "training_benefit_approved", var(TrainingEnrolment.VAR_TRAINING_BENEFIT_APPROVED, BOOLEAN),
                    "training_benefit_decision_reason",
                    var(TrainingEnrolment.VAR_TRAINING_BENEFIT_DECISION_REASON, STRING))),
            AgencyEventContract.waitedFor(TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED, PROVIDER, Map.of(
                    "attendance_rate", var(TrainingEnrolment.VAR_ATTENDANCE_RATE, NUMBER))),
            AgencyEventContract.waitedFor(TrainingEnrolment.MESSAGE_TRAINING_COMPLETED, PROVIDER, Map.of(
                    "completion_date", var(TrainingEnrolment.VAR_COMPLETION_DATE, STRING),
                    "certificate_id", var(TrainingEnrolment.VAR_CERTIFICATE_ID, STRING))),
            AgencyEventContract.waitedFor(TrainingEnrolment.MESSAGE_TRAINING_DROPPED_OUT, PROVIDER, Map.of(
                    "drop_out_reason", var(TrainingEnrolment.VAR_DROP_OUT_REASON, STRING))),
            AgencyEventContract.waitedFor(JobPlacement.MESSAGE_EMPLOYER_DECIDED, EMPLOYER, Map.of(
                    "employer_accepted", var(JobPlacement.VAR_EMPLOYER_ACCEPTED, BOOLEAN),
                    "employer_decision_reason", var(JobPlacement.VAR_EMPLOYER_DECISION_REASON, STRING),
                    "hours_per_week", var(JobPlacement.VAR_HOURS_PER_WEEK, NUMBER),
                    "monthly_wage", var(JobPlacement.VAR_MONTHLY_WAGE, NUMBER),
                    "contract_type", var(JobPlacement.VAR_CONTRACT_TYPE, STRING),
                    "contract_months", var(JobPlacement.VAR_CONTRACT_MONTHS, INTEGER),
                    "start_date", var(JobPlacement.VAR_START_DATE, STRING))),
            AgencyEventContract.waitedFor(JobPlacement.MESSAGE_PLACEMENT_REPORTED, EMPLOYER, Map.of(
                    "start_date", var(JobPlacement.VAR_START_DATE, STRING))),
            AgencyEventContract.waitedFor(JobPlacement.MESSAGE_EMPLOYMENT_ENDED,
                    Set.of(AgencyKind.EMPLOYER, AgencyKind.PES), Map.of(
                    "employment_end_date", var(JobPlacement.VAR_EMPLOYMENT_END_DATE, STRING),
                    "employment_end_reason", var(JobPlacement.VAR_EMPLOYMENT_END_REASON, STRING))),
            AgencyEventContract.waitedFor(BenefitAdjustment.MESSAGE_APPEAL_FILED, SA, Map.of(
                    "appeal_grounds", var(BenefitAdjustment.VAR_APPEAL_GROUNDS, STRING))),
            // activation-compliance: evidence from whoever observes the obligation, at any time while monitoring
            AgencyEventContract.waitedFor(ActivationCompliance.MESSAGE_EVIDENCE,
                    Set.of(AgencyKind.PES, AgencyKind.SA, AgencyKind.TVET_PROVIDER, AgencyKind.EMPLOYER), Map.of(
                    "evidence_type", var(ActivationCompliance.VAR_EVIDENCE_TYPE, STRING))),
            AgencyEventContract.waitedFor(ActivationCompliance.MESSAGE_REASONS_GIVEN, SA, Map.of(
                    "stated_reasons", var(ActivationCompliance.VAR_STATED_REASONS, STRING))),
            AgencyEventContract.waitedFor(ActivationCompliance.MESSAGE_SANCTION_APPEALED, SA, Map.of(
                    "appeal_grounds", var(ActivationCompliance.VAR_APPEAL_GROUNDS, STRING))),
            AgencyEventContract.waitedFor(ActivationCompliance.MESSAGE_COMPLIANCE_RENEWED, PES, Map.of()),
            // pes-client-sa-access: PES's system refers a jobseeker to SA; SA reports an appeal and the end of the assistance
            AgencyEventContract.starting(PesClientSaAccess.MESSAGE_ACCESS_REQUESTED, PES, Map.of(
                    "reference_id", var(PesClientSaAccess.VAR_REFERENCE_ID, STRING),
                    "person_id", var(PesClientSaAccess.VAR_PERSON_ID, STRING),
                    "given_name", var(PesClientSaAccess.VAR_GIVEN_NAME, STRING),
                    "family_name", var(PesClientSaAccess.VAR_FAMILY_NAME, STRING),
                    "pes_case_id", var(PesClientSaAccess.VAR_PES_CASE_ID, STRING),
                    "referral_reason", var(PesClientSaAccess.VAR_REFERRAL_REASON, STRING))),
            AgencyEventContract.waitedFor(PesClientSaAccess.MESSAGE_APPEAL_FILED, SA, Map.of(
                    "appeal_grounds", var(PesClientSaAccess.VAR_APPEAL_GROUNDS, STRING))),
            AgencyEventContract.waitedFor(PesClientSaAccess.MESSAGE_ASSISTANCE_ENDED, SA, Map.of()),
            // employment-subsidy: the employer appeals a refusal or a clawback while the notice's window is open
            // return-to-work: SA refers a person on sickness, injury or disability-related benefit
            AgencyEventContract.starting(ReturnToWork.MESSAGE_REFERRED, SA, Map.of(
                    "reference_id", var(ReturnToWork.VAR_REFERENCE_ID, STRING),
                    "person_id", var(ReturnToWork.VAR_PERSON_ID, STRING),
                    "given_name", var(ReturnToWork.VAR_GIVEN_NAME, STRING),
                    "family_name", var(ReturnToWork.VAR_FAMILY_NAME, STRING),
                    "benefit_type", var(ReturnToWork.VAR_BENEFIT_TYPE, STRING),
                    "monthly_benefit_amount", var(ReturnToWork.VAR_MONTHLY_BENEFIT_AMOUNT, NUMBER),
                    "employer_id", var(ReturnToWork.VAR_EMPLOYER_ID, STRING))),
            AgencyEventContract.waitedFor(EmploymentSubsidy.MESSAGE_SUBSIDY_DECISION_APPEALED, EMPLOYER, Map.of(
                    "appeal_grounds", var(EmploymentSubsidy.VAR_APPEAL_GROUNDS, STRING))),
            // youth-transition: SA's system refers a young person of a household it supports, with the
            // family's benefit status and nothing else of the household
            AgencyEventContract.starting(YouthTransition.MESSAGE_YOUTH_REFERRED, SA, Map.of(
                    "reference_id", var(YouthTransition.VAR_REFERENCE_ID, STRING),
                    "person_id", var(YouthTransition.VAR_PERSON_ID, STRING),
                    "given_name", var(YouthTransition.VAR_GIVEN_NAME, STRING),
                    "family_name", var(YouthTransition.VAR_FAMILY_NAME, STRING),
                    "birth_date", var(YouthTransition.VAR_BIRTH_DATE, STRING),
                    "family_benefit_status", var(YouthTransition.VAR_FAMILY_BENEFIT_STATUS, STRING),
                    "education_level", var(YouthTransition.VAR_EDUCATION_LEVEL, STRING),
                    "school_status", var(YouthTransition.VAR_SCHOOL_STATUS, STRING),
                    "referral_reason", var(YouthTransition.VAR_REFERRAL_REASON, STRING))),
            AgencyEventContract.starting(Appeal.MESSAGE_EXTERNAL_DECISION_APPEALED, SA, Map.ofEntries(
                    // the business key alone would not give the model its reference; the names label the tasks
                    Map.entry("reference_id", var(Appeal.VAR_REFERENCE_ID, STRING)),
                    Map.entry("person_id", var(Appeal.VAR_PERSON_ID, STRING)),
                    Map.entry("given_name", var(Appeal.VAR_GIVEN_NAME, STRING)),
                    Map.entry("family_name", var(Appeal.VAR_FAMILY_NAME, STRING)),
                    Map.entry("decision_type", var(Appeal.VAR_DECISION_TYPE, STRING)),
                    Map.entry("decision", var(Appeal.VAR_DECISION, STRING)),
                    Map.entry("decision_summary", var(Appeal.VAR_DECISION_SUMMARY, STRING)),
                    Map.entry("decision_benefit_percent", var(Appeal.VAR_DECISION_BENEFIT_PERCENT, NUMBER)),
                    Map.entry("decision_schedule", var(Appeal.VAR_DECISION_SCHEDULE, STRING)),
                    Map.entry("decision_options", var(Appeal.VAR_DECISION_OPTIONS, STRING)),
                    Map.entry("decision_rule_id", var(Appeal.VAR_DECISION_RULE_ID, STRING)),
                    Map.entry("decision_rule_reason", var(Appeal.VAR_DECISION_RULE_REASON, STRING)),
                    Map.entry("decision_inputs", var(Appeal.VAR_DECISION_INPUTS, STRING)),
                    Map.entry("decided_by", var(Appeal.VAR_DECIDED_BY, STRING)),
                    Map.entry("decided_at", var(Appeal.VAR_DECIDED_AT, STRING)),
                    Map.entry("appeal_grounds", var(Appeal.VAR_APPEAL_GROUNDS, STRING)))))
            .collect(Collectors.toUnmodifiableMap(AgencyEventContract::eventType, Function.identity()));

    /** Messages that reach a process waiting under the event's reference_id. */
    public static final Set<String> WAITED_FOR = CONTRACTS.values().stream()
            .filter(contract -> !contract.startsProcess()).map(AgencyEventContract::eventType)
            .collect(Collectors.toUnmodifiableSet());

    /** Messages that start a process of their own, with the event's reference_id as business key. */
    public static final Set<String> STARTING = CONTRACTS.values().stream()
            .filter(AgencyEventContract::startsProcess).map(AgencyEventContract::eventType)
            .collect(Collectors.toUnmodifiableSet());

    private AgencyEvents() {
    }

    public static boolean isKnown(String messageName) {
        return CONTRACTS.containsKey(messageName);
    }

    public static Optional<AgencyEventContract> contractOf(String messageName) {
        return Optional.ofNullable(CONTRACTS.get(messageName));
    }

    private static Variable var(String name, Type type) {
        return new Variable(name, type);
    }
}
