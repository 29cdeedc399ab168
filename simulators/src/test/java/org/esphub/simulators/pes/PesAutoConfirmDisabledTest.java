package org.esphub.simulators.pes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
@TestPropertySource(properties = "esp.simulators.pes.auto-confirm=false")
class PesAutoConfirmDisabledTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    SyntheticPopulation population;

    @Test
    void withoutAutoConfirmARegistrationEmitsNoEvent() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        Person person = population.get("10000000001");

        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"reference_id": "%s", "person_id": "%s", "family_name": "%s", "birth_date": "%s"}
                        """.formatted(referenceId, person.personId(), person.familyName(), person.birthDate())))
                .andExpect(status().isCreated());

        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }
}
