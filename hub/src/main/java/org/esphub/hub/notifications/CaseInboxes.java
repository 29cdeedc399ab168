package org.esphub.hub.notifications;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.esphub.hub.agencies.GroupParties;
import org.esphub.hub.intake.ReferralParticipants.Referral;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.AgencyNotification;
import org.esphub.processes.UnnamedPerson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whose inbox a notification goes to when no process waits for it: the caseworkers of the agency
 * on the other side of the case from the sender. PES runs the activation, so what SA, a training
 * provider or an employer says goes to PES; what PES says goes to the SA of the case, or to PES's
 * own caseworkers for a case without SA (a placement PES reported). The agency's groups are those
 * {@code esp.agencies.group-parties} says work for it.
 */
@Component
class CaseInboxes {

    /** The person's names as the case's processes know them. */
    record Names(String given, String family) {
    }

    private final GroupParties groupParties;
    private final HistoryService historyService;
    private final String pesId;

    CaseInboxes(GroupParties groupParties, HistoryService historyService,
            @Value("${esp.pes.receiver-id}") String pesId) {
        this.groupParties = groupParties;
        this.historyService = historyService;
        this.pesId = pesId;
    }

    Optional<String> groupFor(AgencyKind sender, Referral known) {
        String owner = sender == AgencyKind.PES && known.saSenderId() != null ? known.saSenderId() : pesId;
        return groupParties.groupsOf(owner).stream().findFirst();
    }

    /** The names the case's processes (running or ended) were given; the person_id when none was. */
    Names namesOf(String referenceId, String personId) {
        List<String> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId).list().stream().map(HistoricProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return new Names(UnnamedPerson.GIVEN_NAME, personId);
        }
        String given = firstValue(instances, AgencyNotification.VAR_GIVEN_NAME);
        String family = firstValue(instances, AgencyNotification.VAR_FAMILY_NAME);
        return given == null || family == null ? new Names(UnnamedPerson.GIVEN_NAME, personId) : new Names(given, family);
    }

    private String firstValue(List<String> instances, String variable) {
        return historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).variableName(variable).list().stream()
                .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
    }
}
