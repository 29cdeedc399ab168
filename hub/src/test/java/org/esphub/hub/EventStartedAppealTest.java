package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.processes.AgencyEvents;
import org.esphub.processes.Appeal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * An appeal against a decision SA took outside the hub, started by SA's ExternalDecisionAppealed
 * event: the appellant is acknowledged through SA (which needs the correlation id the hub gives
 * the event) and the appeal waits for an appeals officer, labelled with the person's name.
 */
@HubOnH2
class EventStartedAppealTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Value("${server.port}")
    private int port;
    @Autowired
    private RuntimeService runtimeService;

    @Test
    void saAppealOfAnOutsideDecisionIsAcknowledgedAndReachesAnAppealsOfficer() {
        HubClient hub = new HubClient(port);
        String referenceId = "EXT-" + UUID.randomUUID();
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).convertAndSend("esp.sa.events.in", """
                {"header": {"message_id": "%s", "action": "event", "sender_id": "sa.gov.example"},
                 "message": {"event_type": "%s", "reference_id": "%s", "person_id": "10000000005",
                             "given_name": "Sofia", "family_name": "Novak", "decision_type": "BENEFIT_SANCTION",
                             "decision": "REDUCE", "decision_summary": "Benefit reduced by a fifth for a missed appointment",
                             "appeal_grounds": "The appointment letter never arrived"}}"""
                .formatted(UUID.randomUUID(), Appeal.MESSAGE_EXTERNAL_DECISION_APPEALED, referenceId));

        await().atMost(WITHIN).until(() -> hub.tasksOf("appeals-officer", referenceId).size() == 1);
        assertThat(hub.tasksOf("appeals-officer", referenceId).get(0).path("description").asText())
                .contains("Sofia Novak").contains(referenceId);
        await().atMost(WITHIN).until(() -> hub.saNotificationsAbout(referenceId)
                .findValuesAsText("outcome").contains("APPEAL_RECEIVED"));
        ProcessInstance appeal = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                .singleResult();
        assertThat(appeal).isNotNull();
        // this appeal's incidents: the hub it runs on is shared with other test classes
        assertThat(runtimeService.createIncidentQuery().processInstanceId(appeal.getId()).count()).isZero();
        assertThat(runtimeService.getVariable(appeal.getId(), AgencyEvents.VAR_CORRELATION_ID)).isNotNull();
    }
}
