package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.esphub.processes.EmploymentStatusVerification.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DMN {@code identity-match} (hit policy COLLECT, SUM): which of the request's details agree with SA's
 * record, and whether that reaches the standard's 0.85.
 */
@Deployment(resources = DMN_IDENTITY_MATCH_RESOURCE)
class IdentityMatchDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final double THRESHOLD = 0.85;

    @Test
    void names_and_birth_date_as_SA_has_them_match_fully_whatever_the_case_of_the_letters() {
        assertThat(score(request("AMINA", "haddad", "1991-04-12"))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void a_misspelt_given_name_still_reaches_the_threshold_with_the_family_name_and_birth_date() {
        assertThat(score(request("Amira", "Haddad", "1991-04-12"))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void a_different_family_name_falls_below_the_threshold() {
        assertThat(score(request("Amina", "Hadad", "1991-04-12"))).isCloseTo(0.8, within(1e-9))
                .isLessThan(THRESHOLD);
    }

    @Test
    void a_different_birth_date_falls_below_the_threshold() {
        assertThat(score(request("Amina", "Haddad", "1991-12-04"))).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void a_request_giving_only_the_national_id_scores_what_the_id_alone_is_worth() {
        assertThat(score(request(null, null, null))).isCloseTo(0.4, within(1e-9));
    }

    private static Map<String, Object> request(String givenName, String familyName, String birthDate) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_GIVEN_NAME, givenName);
        variables.put(VAR_REQUEST_FAMILY_NAME, familyName);
        variables.put(VAR_REQUEST_BIRTH_DATE, birthDate);
        variables.put(VAR_GIVEN_NAME, "Amina");
        variables.put(VAR_FAMILY_NAME, "Haddad");
        variables.put(VAR_BIRTH_DATE, "1991-04-12");
        return variables;
    }

    private static double score(Map<String, Object> variables) {
        Object result = engine.getDecisionService().evaluateDecisionByKey(DECISION_IDENTITY_MATCH)
                .variables(variables).evaluate().getSingleResult().getSingleEntry();
        return ((Number) result).doubleValue();
    }
}
