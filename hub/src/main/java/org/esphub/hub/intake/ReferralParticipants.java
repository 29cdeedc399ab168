package org.esphub.hub.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.processes.ReturnToWork;
import org.esphub.processes.TrainingEnrolment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which agencies take part in a referral, from what the hub itself recorded when it engaged them
 * (nothing an event says counts):
 * <ul>
 *   <li>SA: the sender_id that sent the referral ({@code esp_referral.sender_id});</li>
 *   <li>PES: the PES the hub registers every referral with ({@code esp.pes.receiver-id});</li>
 *   <li>a training provider: the sender_id {@code esp.agencies.partners} maps the referral's
 *       training's {@code providerId} to (the provider the hub reserved the place with);</li>
 *   <li>an employer: likewise for the placement's {@code employerId}.</li>
 * </ul>
 * Placements PES reported and trainings requested outside a referral are cases of their own
 * ({@code esp_placement}, {@code esp_training_enrolment}), answered here like a referral, and so are
 * the cases started straight in the engine ({@link #STARTED_IN_THE_ENGINE}).
 * A partner stays a party after its training or placement ended: its late event is then answered
 * as one no process waits for, not as one from a stranger. The engine's history (level full)
 * keeps what the ended processes engaged.
 */
@Component
public class ReferralParticipants {

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final AgencySenders agencies;
    private final String pesSenderId;
    private final String saSenderId;

    public ReferralParticipants(JdbcTemplate jdbc, HistoryService historyService, AgencySenders agencies,
            @Value("${esp.pes.receiver-id}") String pesSenderId, @Value("${esp.sa.receiver-id}") String saSenderId) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.agencies = agencies;
        this.pesSenderId = pesSenderId;
        this.saSenderId = saSenderId;
    }

    /** The referral the hub took in under this reference_id: its SA sender, person and correlation id. */
    public Optional<Referral> referral(String referenceId) {
        Optional<Referral> referral = jdbc.query("SELECT sender_id, person_id, correlation_id FROM esp_referral"
                + " WHERE reference_id = ?", (row, i) -> new Referral(row.getString("sender_id"),
                        row.getString("person_id"), row.getString("correlation_id")), referenceId)
                .stream().findFirst();
        if (referral.isPresent()) {
            return referral;
        }
        Optional<Referral> placement = placementReportedByPes(referenceId);
        if (placement.isPresent()) {
            return placement;
        }
        Optional<Referral> training = trainingRequestedOutsideAReferral(referenceId);
        return training.isPresent() ? training : caseStartedInTheEngine(referenceId);
    }

    /**
     * Cases that have no intake table of their own, because every way in starts their process
     * directly: a PES client PES referred to social assistance ({@code pes-client-sa-access}, from PES's
     * event or a PES caseworker's start form), where the hub's SA decides; and an employer's subsidy
     * ({@code employment-subsidy}), where the employer the application named takes part and SA sends
     * nothing; and a return to work SA referred ({@code return-to-work}), where SA reports the appeal of
     * the partial benefit. All name the person and the correlation id with the same variables.
     */
    private static final Map<String, Boolean> STARTED_IN_THE_ENGINE = Map.of(
            PesClientSaAccess.PROCESS_KEY, true,
            EmploymentSubsidy.PROCESS_KEY, false,
            ReturnToWork.PROCESS_KEY, true);

    private Optional<Referral> caseStartedInTheEngine(String referenceId) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(STARTED_IN_THE_ENGINE.keySet().toArray(String[]::new))
                .processInstanceBusinessKey(referenceId)
                .orderByProcessInstanceStartTime().asc()
                .listPage(0, 1).stream().findFirst()
                .map(instance -> new Referral(
                        STARTED_IN_THE_ENGINE.get(instance.getProcessDefinitionKey()) ? saSenderId : null,
                        caseVariable(instance.getId(), PesClientSaAccess.VAR_PERSON_ID),
                        caseVariable(instance.getId(), PesClientSaAccess.VAR_CORRELATION_ID)));
    }

    private String caseVariable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).list().stream()
                .filter(variable -> processInstanceId.equals(variable.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * A training PES or a provider requested (POST /training-benefits, {@code esp_training_enrolment})
     * is a case of its own: PES, the provider the enrolment engaged and the hub's SA, which decides
     * the training benefit, take part in it.
     */
    private Optional<Referral> trainingRequestedOutsideAReferral(String referenceId) {
        return jdbc.query("SELECT person_id, correlation_id FROM esp_training_enrolment WHERE reference_id = ?"
                + " AND process_instance_id IS NOT NULL AND referral_reference_id IS NULL", (row, i) -> new Referral(saSenderId,
                        row.getString("person_id"), row.getString("correlation_id")), referenceId)
                .stream().findFirst();
    }

    /**
     * A placement PES reported itself (POST /job-placements, {@code esp_placement}) outside a referral
     * is a case of its own: PES and the placement's employer take part in it, no SA (saSenderId null).
     */
    private Optional<Referral> placementReportedByPes(String referenceId) {
        return jdbc.query("SELECT person_id, correlation_id FROM esp_placement WHERE reference_id = ?"
                + " AND process_instance_id IS NOT NULL AND referral_reference_id IS NULL",
                (row, i) -> new Referral(null, row.getString("person_id"), row.getString("correlation_id")),
                referenceId)
                .stream().findFirst();
    }

    /**
     * The case an agency event naming {@code referenceId} belongs to: for a placement PES reported or a
     * training requested that the person's referral took, that referral (its processes carry the referral's reference_id as
     * business key); for anything else the reference_id itself.
     */
    public String caseOf(String referenceId) {
        return jdbc.query("SELECT referral_reference_id FROM esp_placement WHERE reference_id = ?"
                + " AND referral_reference_id IS NOT NULL UNION SELECT referral_reference_id FROM esp_training_enrolment"
                + " WHERE reference_id = ? AND referral_reference_id IS NOT NULL", (row, i) -> row.getString(1),
                referenceId, referenceId).stream().findFirst().orElse(referenceId);
    }

    /** True if {@code senderId}, an agency of {@code kind}, takes part in the referral. */
    public boolean takesPart(AgencyKind kind, String senderId, String referenceId, Referral referral) {
        return switch (kind) {
            case SA -> senderId.equals(referral.saSenderId());
            case PES -> pesSenderId.equals(senderId);
            case TVET_PROVIDER -> engaged(referenceId, TrainingEnrolment.VAR_PROVIDER_ID, senderId);
            case EMPLOYER -> engaged(referenceId, JobPlacement.VAR_EMPLOYER_ID, senderId);
            case TAX -> false;
        };
    }

    /** Whether a process of the referral, running or ended, engaged a partner that {@code senderId} speaks for. */
    private boolean engaged(String referenceId, String partnerVariable, String senderId) {
        List<String> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId)
                .list().stream().map(HistoricProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return false;
        }
        return historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableName(partnerVariable)
                .list().stream()
                .map(HistoricVariableInstance::getValue)
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .anyMatch(partnerId -> agencies.senderForPartner(partnerId).filter(senderId::equals).isPresent());
    }

    /**
     * @param saSenderId the sender_id that referred, null for a placement PES reported itself
     * @param personId the person referred
     */
    public record Referral(String saSenderId, String personId, String correlationId) {
    }
}
