package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.hub.support.HubClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The governance API as its users meet it: everyone reads the agreements; caseworkers and agency
 * systems record, list and withdraw consents; only auditors read the audit log (JSON or CSV) and
 * verify its chain, which names a record altered in the database. Every refusal is JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class GovernanceApiTest {

    private static final String CONSENTS = "/api/consents";

    @Autowired
    private JdbcTemplate jdbc;
    @Value("${server.port}")
    private int port;

    private HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    // ---- agreements ------------------------------------------------------------------------------

    @Test
    void anyone_logged_in_reads_the_shipped_agreements_with_parties_purposes_legal_basis_and_fields() {
        HubClient.Answer agreements = hub.get("pes-worker", "/api/agreements");

        assertThat(agreements.status()).isEqualTo(200);
        JsonNode referral = find(agreements.json(), "id", "sa-pes-activation-referral");
        assertThat(referral.path("legal_basis").path("reference").asText()).contains("Social Assistance Act");
        assertThat(referral.path("retention").asText()).isEqualTo("P5Y");
        assertThat(referral.path("source").asText()).isEqualTo("agreements/sa-pes-activation-referral.yaml");
        JsonNode registration = find(referral.path("exchanges"), "name", "pes-register-jobseeker");
        assertThat(registration.path("consent_required").asBoolean()).isTrue();
        assertThat(registration.path("fields").toString()).contains("birth_date").doesNotContain("household");
        JsonNode subsidyCheck = find(find(agreements.json(), "id", "employment-subsidy-targeting").path("exchanges"),
                "name", "sa-check-subsidy-eligibility");
        assertThat(subsidyCheck.path("response_fields").toString()).contains("vulnerability_percentile")
                .doesNotContain("household");

        String token = hub.clientToken("tvet-provider", "benefit:manage");
        assertThat(hub.getWithToken(token, "/api/agreements").status()).as("agency systems read them too").isEqualTo(200);
        assertThat(hub.get(null, "/api/agreements").status()).isEqualTo(401);
        assertThat(hub.get("pes-worker", "/api/agreements/{id}", "no-such-mou").json().path("errors").get(0)
                .path("code").asText()).isEqualTo("err.request.not_found");
    }

    // ---- consents --------------------------------------------------------------------------------

    @Test
    void a_caseworker_records_lists_and_withdraws_a_consent_and_each_step_is_audited() {
        String person = person();
        HubClient.Answer recorded = hub.post("sa-worker", CONSENTS, Map.of(
                "person_id", person, "purpose", "EMPLOYMENT_ACTIVATION", "source", "SA intake form 12",
                "given_at", Instant.now().minusSeconds(600).toString()));

        assertThat(recorded.status()).isEqualTo(201);
        String id = recorded.json().path("id").asText();
        assertThat(recorded.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(recorded.json().path("expires_at").asText()).as("the agreement's consent validity, P1Y").isNotEmpty();
        assertThat(recorded.json().path("recorded_by").asText()).isEqualTo("sa-worker");

        JsonNode listed = hub.get("pes-worker", CONSENTS + "?person_id={p}", person).json();
        assertThat(listed.path("consents")).hasSize(1);
        assertThat(listed.path("consents").get(0).path("id").asText()).isEqualTo(id);

        HubClient.Answer withdrawn = hub.post("sa-worker", CONSENTS + "/{id}/withdrawal", Map.of("reason", "phone call"), id);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("consent").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("already_withdrawn").asBoolean()).isFalse();
        assertThat(hub.post("sa-worker", CONSENTS + "/{id}/withdrawal", Map.of(), id).json()
                .path("already_withdrawn").asBoolean()).isTrue();

        List<JsonNode> audited = list(hub.auditedAbout(person));
        assertThat(audited).extracting(e -> e.path("resource_type").asText() + " " + e.path("action").asText()
                + " " + e.path("actor_id").asText())
                .contains("consent CREATE sa-worker", "consent SEARCH pes-worker", "consent UPDATE sa-worker");
        assertThat(audited).filteredOn(e -> e.path("action").asText().equals("SEARCH")).singleElement()
                .satisfies(read -> {
                    assertThat(read.path("exchange").asText()).isEqualTo("api.search-consents");
                    assertThat(read.path("purpose").asText()).isEqualTo("CONSENT_ADMINISTRATION");
                    assertThat(read.path("legal_basis").asText()).contains("Data Protection Act");
                });
    }

    @Test
    void an_agency_system_with_the_consent_scope_records_consents_and_one_without_it_may_not() {
        Map<String, Object> consent = Map.of("person_id", person(), "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "SA portal, e-signature 77");

        assertThat(hub.postWithToken(hub.clientToken("sa-system", "consent:manage"), CONSENTS, consent).status())
                .isEqualTo(201);
        HubClient.Answer refused = hub.postWithToken(hub.clientToken("sa-system", "referral:read"), CONSENTS, consent);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
    }

    @Test
    void a_consent_that_breaks_the_rules_is_refused_with_every_problem_as_json_and_nothing_is_recorded() {
        String person = person();
        HubClient.Answer refused = hub.post("sa-worker", CONSENTS, Map.of(
                "person_id", person, "purpose", "MARKETING", "source", "",
                "expires_at", "2001-01-01T00:00:00Z"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("message"))
                .anyMatch(m -> m.startsWith("purpose:"))
                .anyMatch(m -> m.startsWith("source:"))
                .anyMatch(m -> m.startsWith("expires_at:"));
        assertThat(refused.json().path("errors").findValuesAsText("code")).containsOnly("err.request.bad");
        assertThat(hub.post("sa-worker", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form", "expiry", "P1Y")).json().path("errors").get(0).path("message").asText())
                .startsWith("unknown field 'expiry'");
        assertThat(hub.post("sa-worker", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form", "given_at", "yesterday")).json().path("errors").get(0).path("message").asText())
                .startsWith("given_at:");
        assertThat(hub.get("sa-worker", CONSENTS + "?person_id={p}", person).json().path("consents")).isEmpty();
        assertThat(hub.post("sa-worker", CONSENTS + "/{id}/withdrawal", Map.of(), "no-such-consent").status())
                .isEqualTo(404);
        assertThat(hub.get("sa-worker", CONSENTS).status()).as("person_id is required").isEqualTo(400);
    }

    @Test
    void a_person_under_18_needs_a_guardians_consent() {
        String person = person();
        String seventeen = LocalDate.now().minusYears(17).toString();

        HubClient.Answer own = hub.post("sa-worker", CONSENTS, Map.of("person_id", person,
                "purpose", "EMPLOYMENT_ACTIVATION", "source", "form", "subject_birth_date", seventeen));
        HubClient.Answer guardian = hub.post("sa-worker", CONSENTS, Map.of("person_id", person,
                "purpose", "EMPLOYMENT_ACTIVATION", "source", "form", "subject_birth_date", seventeen,
                "given_by", "GUARDIAN-1", "given_by_role", "GUARDIAN"));

        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().path("errors").get(0).path("message").asText()).contains("guardian");
        assertThat(guardian.status()).isEqualTo(201);
        assertThat(guardian.json().path("given_by_role").asText()).isEqualTo("GUARDIAN");
    }

    @Test
    void only_caseworkers_administrators_and_agency_systems_with_the_scope_administer_consents() {
        assertThat(hub.get("auditor", CONSENTS + "?person_id=1").status()).isEqualTo(403);
        assertThat(hub.get("subsidy-officer", CONSENTS + "?person_id=1").status()).isEqualTo(403);
        assertThat(hub.get(null, CONSENTS + "?person_id=1").status()).isEqualTo(401);
        assertThat(hub.get("admin", CONSENTS + "?person_id=1").status()).isEqualTo(200);
    }

    // ---- audit -----------------------------------------------------------------------------------

    @Test
    void only_auditors_read_the_audit_log_everyone_else_gets_403_and_nobody_without_credentials() {
        for (String user : List.of("sa-worker", "pes-worker", "process-owner", "admin")) {
            HubClient.Answer refused = hub.get(user, "/api/audit/events");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
            assertThat(hub.get(user, "/api/audit/verification").status()).as(user).isEqualTo(403);
        }
        HubClient.Answer anonymous = hub.get(null, "/api/audit/events");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.unauthorized");
        String token = hub.clientToken("sa-system", "consent:manage");
        assertThat(hub.getWithToken(token, "/api/audit/events").status()).as("agency systems neither").isEqualTo(403);
    }

    @Test
    void an_auditor_finds_every_record_about_a_person_as_json_or_csv_and_the_search_is_itself_audited() {
        String person = person();
        hub.post("sa-worker", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION", "source", "form"));

        JsonNode page = hub.get("auditor", "/api/audit/events?person_id={p}&purpose=EMPLOYMENT_ACTIVATION", person).json();
        assertThat(page.path("events")).hasSize(1);
        JsonNode record = page.path("events").get(0);
        for (String field : List.of("timestamp", "actor_id", "action", "resource_type", "resource_id", "purpose",
                "legal_basis", "outcome", "hash", "previous_hash")) {
            assertThat(record.path(field).asText()).as(field).isNotEmpty();
        }
        assertThat(page.path("next_after").asLong()).isEqualTo(record.path("sequence").asLong());

        HubClient.Answer csv = hub.get("auditor", "/api/audit/events?person_id={p}&format=csv", person);
        HubClient.Answer negotiated = hub.getAccepting("auditor", "text/csv", "/api/audit/events?person_id={p}", person);
        for (HubClient.Answer answer : List.of(csv, negotiated)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("text/csv");
            String[] lines = answer.body().split("\r\n");
            assertThat(lines[0]).startsWith("sequence,event_id,timestamp,actor_id,action,resource_type");
            assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lines[1]).contains(person).contains("EMPLOYMENT_ACTIVATION");
        }
        assertThat(list(hub.auditedAbout(person))).anyMatch(e -> e.path("resource_type").asText().equals("audit_event")
                && e.path("actor_id").asText().equals("auditor") && e.path("purpose").asText().equals("AUDIT_OVERSIGHT"));
    }

    @Test
    void a_bad_audit_query_is_a_json_400_even_when_csv_was_asked_for() {
        HubClient.Answer bad = hub.getAccepting("auditor", "text/csv", "/api/audit/events?from=last-week");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/json");
        assertThat(bad.json().path("errors").get(0).path("message").asText()).startsWith("from:");
        assertThat(hub.get("auditor", "/api/audit/events?limit=0").status()).isEqualTo(400);
        assertThat(hub.get("auditor", "/api/audit/events?after=x").status()).isEqualTo(400);
    }

    @Test
    void a_record_altered_directly_in_the_database_is_named_by_the_verification() {
        String person = person();
        hub.post("sa-worker", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION", "source", "form"));
        assertThat(hub.get("auditor", "/api/audit/verification").json().path("intact").asBoolean()).isTrue();
        long sequence = hub.auditedAbout(person).get(0).path("sequence").asLong();

        // H2 has no trigger: someone with database access rewrites the purpose of one record
        jdbc.update("UPDATE esp_audit_event SET purpose = 'MARKETING' WHERE sequence = ?", sequence);
        try {
            JsonNode verification = hub.get("auditor", "/api/audit/verification").json();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("first_broken_link").path("sequence").asLong()).isEqualTo(sequence);
            assertThat(verification.path("first_broken_link").path("problem").asText()).contains("altered");
        } finally {
            jdbc.update("UPDATE esp_audit_event SET purpose = 'EMPLOYMENT_ACTIVATION' WHERE sequence = ?", sequence);
        }
        assertThat(hub.get("auditor", "/api/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void a_chain_head_not_keyed_by_the_hub_is_reported_by_the_verification() {
        hub.post("sa-worker", CONSENTS, Map.of("person_id", person(), "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form"));
        assertThat(hub.get("auditor", "/api/audit/verification").json().path("intact").asBoolean()).isTrue();
        String mac = jdbc.queryForObject("SELECT head_mac FROM esp_audit_chain WHERE id = 1", String.class);

        // whoever rewrites the chain in the database cannot compute the head's MAC without the key
        jdbc.update("UPDATE esp_audit_chain SET head_mac = ? WHERE id = 1", "0".repeat(64));
        try {
            JsonNode verification = hub.get("auditor", "/api/audit/verification").json();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("first_broken_link").path("problem").asText())
                    .contains("key MAC does not match");
        } finally {
            jdbc.update("UPDATE esp_audit_chain SET head_mac = ? WHERE id = 1", mac);
        }
        assertThat(hub.get("auditor", "/api/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A person id no other test uses, so each test reads only its own records. */
    private static String person() {
        return "P-" + UUID.randomUUID();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
