package org.esphub.hub.placements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.CompanionOperation;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.DciRequestValidator;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.intake.EnvelopeAdmission;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.intake.ReceivedMessage;
import org.esphub.processes.JobPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code PUT /job-placements/{placement_id}} (API.EMPL.04): PES changes a placement it reported.
 * The change reaches the running {@code job-placement} as a BPMN message, never as a variable
 * write: the end of employment as {@link JobPlacement#MESSAGE_EMPLOYMENT_ENDED} (the employer's
 * event, with the same re-engagement and notices), new terms as
 * {@link JobPlacement#MESSAGE_PLACEMENT_TERMS_CHANGED} (suitability checked again, SA told, a
 * verified placement's adjustment raised again). A placement the process cannot take the change at
 * (ended, or not yet employed for an end) is answered 409; an unknown one 404; nothing changes then.
 */
@Service
public class PlacementUpdates {

    /** The agreements' name of this operation (pes-placement-reports). */
    public static final String EXCHANGE = "api.update-placement";
    private static final CompanionOperation REQUEST = CompanionOperation.UPDATE_PLACEMENT;
    private static final String STATUS_ENDED = "ended";
    private static final Logger LOG = LoggerFactory.getLogger(PlacementUpdates.class);

    private final DciRequestValidator validator;
    private final EnvelopeAdmission admission;
    private final PlacementRegister register;
    private final IntakeLedger ledger;
    private final DataSharingGate gate;
    private final RuntimeService runtimeService;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PlacementUpdates(DciRequestValidator validator, EnvelopeAdmission admission, PlacementRegister register,
            IntakeLedger ledger, DataSharingGate gate, RuntimeService runtimeService, ObjectMapper mapper,
            Clock clock) {
        this.validator = validator;
        this.admission = admission;
        this.register = register;
        this.ledger = ledger;
        this.gate = gate;
        this.runtimeService = runtimeService;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @return the companion's answer: placement_id, status {@code updated}, the notices sent (SA is
     *         told by the process, after this answer, so none are listed)
     * @throws DciRejection when refused; nothing was written then
     */
    @Transactional
    public Map<String, Object> update(String placementId, String body, String clientId, String correlationId) {
        JsonNode envelope = validator.parseAndValidate(REQUEST, body);
        String problem = StoredField.REFERENCE_ID.problem("placement_id", placementId);
        if (problem != null) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, problem);
        }
        admission.admit(envelope, clientId, correlationId, PlacementIntake.PES, PlacementIntake.ONLY_PES);
        JsonNode update = envelope.at("/message/placement_update");
        String senderId = envelope.at("/header/sender_id").asText();
        PlacementRegister.Placement placement = register.find(placementId)
                .filter(found -> found.processInstanceId() != null && found.senderId().equals(senderId))
                .orElseThrow(() -> new DciRejection(DciReasonCode.REQUEST_NOT_FOUND, "no placement '" + placementId
                        + "' reported by '" + senderId + "'; nothing was changed"));
        if (!placement.personId().equals(update.get("person_id").asText())) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "placement_update.person_id is not the person of"
                    + " placement '" + placementId + "'; nothing was changed");
        }
        Change change = changeOf(update);
        gate.release(new ExchangeRequest(EXCHANGE, PlacementIntake.PURPOSE, placement.personId(),
                mapper.convertValue(update, Map.class), clientId, correlationId, placementId, null, null,
                AuditAction.UPDATE));
        String messageId = envelope.at("/header/message_id").asText();
        ledger.recordOrRefuseDuplicate(ReceivedMessage.ofEnvelope(envelope, REQUEST.action(), correlationId, 1,
                clock.instant()), "nothing was changed");
        // asking first keeps a change the instance cannot take out of the engine's error log (ADR 0028)
        boolean waits = runtimeService.createExecutionQuery().processInstanceId(placement.processInstanceId())
                .messageEventSubscriptionName(change.message()).count() > 0;
        if (!waits) {
            throw new PlacementNotChangeable(placementId, change.message());
        }
        try {
            runtimeService.createMessageCorrelation(change.message())
                    .processInstanceId(placement.processInstanceId())
                    .setVariables(change.variables())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new PlacementNotChangeable(placementId, change.message());
        }
        LOG.info("placement {}: {} from {} (message {})", placementId, change.message(), senderId, messageId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("placement_id", placementId);
        answer.put("status", "updated");
        answer.put("sp_notifications_sent", List.of());
        return answer;
    }

    /** What the process hears: an end of employment wins over new terms sent with it. */
    private static Change changeOf(JsonNode update) {
        Map<String, Object> variables = new HashMap<>();
        if (STATUS_ENDED.equals(update.path("placement_status").asText()) || update.has("end_date")) {
            variables.put(JobPlacement.VAR_EMPLOYMENT_END_DATE, update.path("end_date").asText(null));
            variables.put(JobPlacement.VAR_EMPLOYMENT_END_REASON, update.path("update_reason").asText(null));
            return new Change(JobPlacement.MESSAGE_EMPLOYMENT_ENDED, variables);
        }
        JsonNode details = update.path("employment_details");
        if (update.has("hours_per_week")) {
            variables.put(JobPlacement.VAR_HOURS_PER_WEEK, update.get("hours_per_week").numberValue());
        }
        if (update.has("contract_months")) {
            variables.put(JobPlacement.VAR_CONTRACT_MONTHS, update.get("contract_months").asInt());
        }
        if (details.has("employment_type")) {
            variables.put(JobPlacement.VAR_CONTRACT_TYPE,
                    PlacementTerms.contractOf(details.get("employment_type").asText()));
        }
        if (details.has("monthly_salary")) {
            variables.put(JobPlacement.VAR_MONTHLY_WAGE, PlacementTerms.wage(details.at("/monthly_salary/amount")));
        }
        if (variables.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "placement_update names no change the hub acts on"
                    + " (end of employment, hours_per_week, contract_months, employment_type, monthly_salary);"
                    + " nothing was changed");
        }
        return new Change(JobPlacement.MESSAGE_PLACEMENT_TERMS_CHANGED, variables);
    }

    private record Change(String message, Map<String, Object> variables) {
    }
}
