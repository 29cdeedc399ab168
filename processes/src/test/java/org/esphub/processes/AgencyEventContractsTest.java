package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The agency event table ({@link AgencyEvents}) and what it points at agree: every event is a
 * message of a model, its schema exists, names the event, refuses unknown fields and declares every
 * field that sets a variable.
 */
class AgencyEventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_contract_names_a_message_some_model_waits_for_or_starts_with() throws IOException {
        Set<String> messages = new HashSet<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                Bpmn.readModelFromStream(in).getModelElementsByType(Message.class)
                        .forEach(message -> messages.add(message.getName()));
            }
        }
        assertThat(messages).containsAll(AgencyEvents.CONTRACTS.keySet());
    }

    @Test
    void every_schema_names_its_event_refuses_unknown_fields_and_declares_the_variable_fields() throws IOException {
        for (AgencyEventContract contract : AgencyEvents.CONTRACTS.values()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(contract.schema())) {
                assertThat(in).as(contract.schema()).isNotNull();
                JsonNode schema = JSON.readTree(in);
                assertThat(schema.at("/properties/event_type/const").asText()).isEqualTo(contract.eventType());
                assertThat(schema.path("additionalProperties").asBoolean(true))
                        .as("%s refuses unknown fields", contract.schema()).isFalse();
                for (String field : contract.variables().keySet()) {
                    assertThat(schema.path("properties").has(field)).as("%s declares %s", contract.schema(), field)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void no_event_may_set_the_case_identity_of_a_waiting_process() {
        Set<String> identity = Set.of(ReferralToPes.VAR_PERSON_ID, ReferralToPes.VAR_PATHWAY,
                TrainingEnrolment.VAR_PROVIDER_ID, ReferralToPes.VAR_PES_CASE_NUMBER, JobPlacement.VAR_EMPLOYER_ID);
        AgencyEvents.CONTRACTS.values().stream()
                .filter(contract -> !contract.startsProcess())
                .filter(contract -> !contract.eventType().equals(ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED))
                .forEach(contract -> assertThat(contract.variables().values())
                        .extracting(AgencyEventContract.Variable::name)
                        .as(contract.eventType()).doesNotContainAnyElementsOf(identity));
    }
}
