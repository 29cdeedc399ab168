package org.esphub.hub.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.api.Test;

/** What an access request and its deadlines may be: bad input is a 400 naming each problem, before anything is stored. */
class AccessRequestBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_request_for_the_person_needs_no_representation_and_a_representatives_names_its_proof() throws Exception {
        AccessRequestBody person = AccessRequestBody.of(JSON.readTree(
                "{\"person_id\":\"10000000001\",\"given_name\":\"Maria\",\"family_name\":\"Rodríguez\"}"));
        assertThat(person.onBehalfOf()).isEqualTo("PERSON");
        assertThat(person.asPayload()).doesNotContainKey("representation");

        AccessRequestBody representative = AccessRequestBody.of(JSON.readTree("{\"person_id\":\"10000000001\","
                + "\"given_name\":\"Maria\",\"family_name\":\"Rodriguez\",\"on_behalf_of\":\"LEGAL_REPRESENTATIVE\","
                + "\"representation\":{\"kind\":\"court_order\",\"reference\":\"CO 2026/77\"}}"));
        assertThat(representative.representationKind()).isEqualTo("court_order");
        assertThat(representative.representationReference()).isEqualTo("CO 2026/77");
    }

    @Test
    void every_problem_of_a_bad_request_is_named_with_err_request_bad() {
        assertThatThrownBy(() -> AccessRequestBody.of(JSON.readTree("{\"person_id\":\"../etc\",\"given_name\":7,"
                + "\"on_behalf_of\":\"LEGAL_REPRESENTATIVE\",\"representation\":{\"kind\":\"hunch\"},\"extra\":1}")))
                .isInstanceOfSatisfying(DciRejection.class, rejection -> {
                    assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
                    assertThat(rejection.getDetails()).anyMatch(d -> d.startsWith("extra:"))
                            .anyMatch(d -> d.startsWith("person_id:")).anyMatch(d -> d.startsWith("given_name:"))
                            .anyMatch(d -> d.startsWith("family_name:")).anyMatch(d -> d.startsWith("representation.kind:"))
                            .anyMatch(d -> d.startsWith("representation.reference:"));
                });
    }

    @Test
    void the_escalation_must_come_before_the_deadline() {
        assertThat(new SubjectAccessRequestProperties(Duration.ofDays(30), Duration.ofDays(5)).escalateBefore())
                .isEqualTo(Duration.ofDays(5));
        assertThatThrownBy(() -> new SubjectAccessRequestProperties(Duration.ofDays(5), Duration.ofDays(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalate-before");
        assertThatThrownBy(() -> new SubjectAccessRequestProperties(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answer-within");
    }
}
