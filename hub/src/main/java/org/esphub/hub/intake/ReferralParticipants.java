package org.esphub.hub.intake;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.JobPlacement;
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
 * Placements PES reported, trainings requested outside a referral and the cases started straight in
 * the engine are cases of their own, answered here like a referral: one list says which kinds there
 * are and whether SA takes part in each ({@link CaseKind}).
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

    /**
     * The referral the hub took in under this reference_id (its SA sender, person and correlation id),
     * or else the case of another kind ({@link CaseKind}) under it.
     */
    public Optional<Referral> referral(String referenceId) {
        return referralTakenIn(referenceId)
                .or(() -> CaseKind.keptInTables().stream()
                        .flatMap(kind -> caseOfItsOwn(kind, referenceId).stream())
                        .findFirst())
                .or(() -> caseStartedInTheEngine(referenceId));
    }

    private Optional<Referral> referralTakenIn(String referenceId) {
        return jdbc.query("SELECT sender_id, person_id, correlation_id FROM esp_referral WHERE reference_id = ?",
                (row, i) -> new Referral(row.getString("sender_id"), row.getString("person_id"),
                        row.getString("correlation_id")), referenceId)
                .stream().findFirst();
    }

    /** A case the API took outside a referral, with a process of its own (not one a referral took). */
    private Optional<Referral> caseOfItsOwn(CaseKind kind, String referenceId) {
        String saSender = kind.saTakesPart() ? saSenderId : null;
        return jdbc.query("SELECT person_id, correlation_id FROM " + kind.intakeTable() + " WHERE reference_id = ?"
                + " AND process_instance_id IS NOT NULL AND referral_reference_id IS NULL",
                (row, i) -> new Referral(saSender, row.getString("person_id"), row.getString("correlation_id")),
                referenceId)
                .stream().findFirst();
    }

    /** The earliest case under this business key among the kinds kept in the engine only. */
    private Optional<Referral> caseStartedInTheEngine(String referenceId) {
        List<CaseKind> kinds = CaseKind.keptInTheEngine();
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(kinds.stream().map(CaseKind::processKey).toArray(String[]::new))
                .processInstanceBusinessKey(referenceId)
                .orderByProcessInstanceStartTime().asc()
                .listPage(0, 1).stream().findFirst()
                .map(instance -> {
                    CaseKind kind = kinds.stream()
                            .filter(known -> known.processKey().equals(instance.getProcessDefinitionKey()))
                            .findFirst().orElseThrow();
                    return new Referral(kind.saTakesPart() ? saSenderId : null,
                            caseVariable(instance.getId(), kind.personVariable()),
                            caseVariable(instance.getId(), kind.correlationVariable()));
                });
    }

    private String caseVariable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).list().stream()
                .filter(variable -> processInstanceId.equals(variable.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * The case an agency event naming {@code referenceId} belongs to: for an item of a kind kept in a
     * table that the person's referral took (a placement PES reported, a training requested), that
     * referral (its processes carry the referral's reference_id as business key); for anything else the
     * reference_id itself.
     */
    public String caseOf(String referenceId) {
        List<CaseKind> kinds = CaseKind.keptInTables();
        String query = kinds.stream()
                .map(kind -> "SELECT referral_reference_id FROM " + kind.intakeTable()
                        + " WHERE reference_id = ? AND referral_reference_id IS NOT NULL")
                .collect(Collectors.joining(" UNION "));
        return jdbc.query(query, (row, i) -> row.getString(1), Collections.nCopies(kinds.size(), referenceId).toArray())
                .stream().findFirst().orElse(referenceId);
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
