package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes {@code pes-notify-outcome} and {@code sa-notify-outcome} under {@code YOUTH_TRANSITION} (agreement
 * sa-pes-youth-transition): SA's referral of a young person reaches PES with the family's benefit status and
 * nothing else of the household, and, because it carries the birth date, only with the guardian's consent
 * while the young person is a minor; SA hears the pathway and the status, never PES's notes.
 */
class YouthTransitionNoticesRouteTest extends RouteTestSupport {

    private static final String TOPIC = "pes.notify-outcome";
    private static final String PURPOSE = "YOUTH_TRANSITION";
    private static final String YOUTH = "YTH-0042";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "YTR-7", "ReferToPes");
    private static final LocalDate SEVENTEEN = LocalDate.now(ZoneOffset.UTC).minusYears(17).minusMonths(2);

    private MockEndpoint notifications;

    @BeforeEach
    void pesNotificationQueue() {
        notifications = queue("esp.pes.notifications.out");
    }

    @Test
    void with_the_guardians_consent_the_referral_reaches_pes_without_the_household() throws Exception {
        governance.guardianConsentedFor(YOUTH, PURPOSE, SEVENTEEN);
        notifications.expectedMessageCount(1);

        handOff(TOPIC, referral(), CONTEXT, PURPOSE);

        notifications.assertIsSatisfied();
        JsonNode message = new ObjectMapper().readTree(notifications.getReceivedExchanges().get(0).getIn()
                .getBody(String.class)).path("message");
        assertThat(new ObjectMapper().convertValue(message, Map.class)).containsOnly(
                entry("reference_id", "YTR-7"),
                entry("person_id", YOUTH),
                entry("given_name", "Lina"),
                entry("family_name", "Moreau"),
                entry("birth_date", SEVENTEEN.toString()),
                entry("family_benefit_status", "ACTIVE"),
                entry("education_level", "incomplete_secondary"),
                entry("school_status", "dropped_out"),
                entry("referral_reason", "neet_status"),
                entry("outcome", "YOUTH_REFERRED"));
    }

    @Test
    void a_minor_with_only_their_own_consent_is_not_referred_and_pes_receives_nothing() throws Exception {
        governance.consentGivenBy(YOUTH, PURPOSE);
        notifications.expectedMessageCount(0);

        Exchange reply = handOff(TOPIC, referral(), CONTEXT, PURPOSE);

        notifications.assertIsSatisfied();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class))
                .startsWith("GUARDIAN_CONSENT_MISSING");
        assertThat(governance.auditedAbout(YOUTH)).singleElement()
                .satisfies(audited -> assertThat(audited.event().outcome().name()).isEqualTo("REFUSED"));
    }

    @Test
    void sa_hears_the_young_persons_status_and_pathway_and_nothing_of_the_counselling() throws Exception {
        MockEndpoint toSa = queue("esp.sa.notifications.out");
        toSa.expectedMessageCount(1);
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "YTR-7");
        variables.put("personId", YOUTH);
        variables.put("correlationId", "corr-YTR-7");
        variables.put("outcome", "YOUTH_FIRST_OUTCOME");
        variables.put("pathway", "TRAINING");
        variables.put("youthStatus", "IN_TRAINING");
        variables.put("counsellingNotes", "worried about the commute");

        // telling the referrer needs no consent (no consent is recorded here)
        handOff("sa.notify-outcome", variables, handOffHeaders("sa.notify-outcome", "YTR-7", "ReportFirstOutcome"),
                PURPOSE);

        toSa.assertIsSatisfied();
        JsonNode message = new ObjectMapper().readTree(toSa.getReceivedExchanges().get(0).getIn()
                .getBody(String.class)).path("message");
        assertThat(new ObjectMapper().convertValue(message, Map.class)).containsOnly(
                entry("reference_id", "YTR-7"),
                entry("person_id", YOUTH),
                entry("outcome", "YOUTH_FIRST_OUTCOME"),
                entry("pathway", "TRAINING"),
                entry("youth_status", "IN_TRAINING"));
    }

    /** What the model hands over, and what PES must never learn should a mapping hand it over too. */
    private static Map<String, Object> referral() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "YTR-7");
        variables.put("personId", YOUTH);
        variables.put("correlationId", "corr-YTR-7");
        variables.put("givenName", "Lina");
        variables.put("familyName", "Moreau");
        variables.put("birthDate", SEVENTEEN.toString());
        variables.put("familyBenefitStatus", "ACTIVE");
        variables.put("educationLevel", "incomplete_secondary");
        variables.put("schoolStatus", "dropped_out");
        variables.put("referralReason", "neet_status");
        variables.put("outcome", "YOUTH_REFERRED");
        variables.put("householdId", "HH-991");
        variables.put("familySize", 6L);
        variables.put("economicStatus", 12);
        return variables;
    }
}
