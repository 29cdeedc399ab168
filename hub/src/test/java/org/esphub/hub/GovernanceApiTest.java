package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.Referrals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The governance API as its users meet it: everyone reads the agreements; caseworkers and agency
 * systems record, list and withdraw consents under the agreements their agency signed, auditors
 * read them all; only auditors read the audit log (JSON or CSV) and verify its chain, which names
 * a record altered in the database. Every refusal is JSON.
 */
@HubOnH2
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
    void auditors_read_consents_and_change_none_and_administrators_and_other_groups_have_none() {
        String person = person();
        String id = hub.post("sa-worker", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form")).json().path("id").asText();

        assertThat(hub.get("auditor", CONSENTS + "?person_id={p}", person).json().path("consents")).hasSize(1);
        assertThat(hub.post("auditor", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form")).status()).isEqualTo(403);
        assertThat(hub.post("auditor", CONSENTS + "/{id}/withdrawal", Map.of(), id).status()).isEqualTo(403);
        assertThat(hub.get("subsidy-officer", CONSENTS + "?person_id=1").status()).isEqualTo(403);
        assertThat(hub.get("admin", CONSENTS + "?person_id=1").status()).as("acts for no agency").isEqualTo(403);
        assertThat(hub.get(null, CONSENTS + "?person_id=1").status()).isEqualTo(401);
    }

    @Test
    void an_agency_system_sees_only_consents_for_purposes_of_agreements_its_agency_signed() {
        String person = person();
        String sa = hub.clientToken("sa-system", "consent:manage");
        // SA is a party of the subsidy-targeting agreement, PES is not; both are parties of activation
        assertThat(hub.postWithToken(sa, CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_SUBSIDY",
                "source", "SA portal")).status()).isEqualTo(201);
        assertThat(hub.postWithToken(sa, CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "SA portal")).status()).isEqualTo(201);

        JsonNode seenByPes = hub.getWithToken(hub.clientToken("pes-system", "consent:manage"),
                CONSENTS + "?person_id={p}", person).json().path("consents");
        assertThat(seenByPes.findValuesAsText("purpose")).containsExactly("EMPLOYMENT_ACTIVATION");
        assertThat(hub.getWithToken(sa, CONSENTS + "?person_id={p}", person).json().path("consents")
                .findValuesAsText("purpose")).containsExactlyInAnyOrder("EMPLOYMENT_ACTIVATION", "EMPLOYMENT_SUBSIDY");
        assertThat(hub.get("pes-worker", CONSENTS + "?person_id={p}", person).json().path("consents")
                .findValuesAsText("purpose")).as("PES caseworkers act for PES").containsExactly("EMPLOYMENT_ACTIVATION");
        assertThat(hub.get("auditor", CONSENTS + "?person_id={p}", person).json().path("consents")).hasSize(2);
    }

    @Test
    void an_agency_system_cannot_record_a_forged_consent_and_nothing_is_stored() {
        String person = person();
        String pes = hub.clientToken("pes-system", "consent:manage");
        Map<String, Object> base = Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "PES office");

        HubClient.Answer madeUpBasis = hub.postWithToken(pes, CONSENTS, with(base, "legal_basis", "made up"));
        HubClient.Answer until2099 = hub.postWithToken(pes, CONSENTS, with(base, "expires_at", "2099-01-01T00:00:00Z"));
        HubClient.Answer byAnother = hub.postWithToken(pes, CONSENTS, with(with(base, "given_by", "someone-else"),
                "given_by_role", "GUARDIAN"));
        HubClient.Answer asTheSubject = hub.postWithToken(pes, CONSENTS, with(base, "given_by", "someone-else"));
        HubClient.Answer backdated = hub.postWithToken(pes, CONSENTS, with(base, "given_at",
                Instant.now().minus(Duration.ofDays(60)).toString()));
        HubClient.Answer notItsAgreement = hub.postWithToken(pes, CONSENTS, with(base, "purpose", "EMPLOYMENT_SUBSIDY"));

        assertThat(message(madeUpBasis, 400)).startsWith("legal_basis: set by the agreement");
        assertThat(message(until2099, 400)).startsWith("expires_at: at most");
        assertThat(messages(byAnother, 400)).anyMatch(m -> m.startsWith("given_by_role: GUARDIAN only for a person under 18"));
        assertThat(message(asTheSubject, 400)).startsWith("given_by: a person's own consent is given by the person");
        assertThat(message(backdated, 400)).startsWith("given_at: more than 30 days");
        assertThat(notItsAgreement.status()).isEqualTo(403);
        assertThat(notItsAgreement.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
        assertThat(hub.get("auditor", CONSENTS + "?person_id={p}", person).json().path("consents")).isEmpty();

        HubClient.Answer lawful = hub.postWithToken(pes, CONSENTS, base);
        assertThat(lawful.status()).isEqualTo(201);
        assertThat(lawful.json().path("recorded_by").asText()).isEqualTo("pes-system");
        assertThat(lawful.json().path("recorded_for").asText()).isEqualTo("pes.gov.example");
        assertThat(lawful.json().path("legal_basis").asText()).startsWith("Social Assistance Act art. 34");
        assertThat(lawful.json().path("given_by").asText()).isEqualTo(person);
    }

    @Test
    void an_agency_withdraws_only_consents_under_its_agreements_and_the_withdrawal_names_who_withdrew() {
        String person = person();
        String sa = hub.clientToken("sa-system", "consent:manage");
        String pes = hub.clientToken("pes-system", "consent:manage");
        String subsidy = hub.postWithToken(sa, CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_SUBSIDY",
                "source", "SA portal")).json().path("id").asText();
        String activation = hub.postWithToken(sa, CONSENTS, Map.of("person_id", person,
                "purpose", "EMPLOYMENT_ACTIVATION", "source", "SA portal")).json().path("id").asText();

        HubClient.Answer refused = hub.postWithToken(pes, CONSENTS + "/" + subsidy + "/withdrawal", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
        assertThat(hub.get("auditor", CONSENTS + "?person_id={p}", person).json().path("consents"))
                .allMatch(consent -> consent.path("status").asText().equals("ACTIVE"));

        // the person tells PES, a party of the referral agreement that relies on the activation consent
        HubClient.Answer withdrawn = hub.postWithToken(pes, CONSENTS + "/" + activation + "/withdrawal",
                Map.of("reason", "told the PES counsellor"));
        assertThat(withdrawn.status()).isEqualTo(200);
        JsonNode consent = withdrawn.json().path("consent");
        assertThat(consent.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(consent.path("withdrawn_by").asText()).isEqualTo("pes-system");
        assertThat(consent.path("withdrawn_for").asText()).isEqualTo("pes.gov.example");
        assertThat(consent.path("recorded_for").asText()).isEqualTo("sa.gov.example");
    }

    @Test
    void every_consent_change_is_audited_with_actor_purpose_legal_basis_agreement_and_correlation_id() {
        String person = person();
        String correlationId = "consent-audit-" + UUID.randomUUID();
        String id = hub.raw().post().uri(CONSENTS).headers(h -> {
            h.setBasicAuth("sa-worker", HubClient.DEMO_PASSWORD);
            h.set("X-Correlation-ID", correlationId);
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION", "source", "SA intake form 12"))
                .retrieve().body(JsonNode.class).path("id").asText();
        hub.postWithToken(hub.clientToken("pes-system", "consent:manage"), CONSENTS + "/" + id + "/withdrawal", Map.of());

        List<JsonNode> changes = list(hub.auditedAbout(person)).stream()
                .filter(e -> e.path("resource_type").asText().equals("consent")
                        && !e.path("action").asText().equals("SEARCH")).toList();
        assertThat(changes).extracting(e -> e.path("action").asText() + " " + e.path("actor_id").asText())
                .containsExactlyInAnyOrder("CREATE sa-worker", "UPDATE pes-system");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.path("resource_id").asText()).isEqualTo(id);
            assertThat(change.path("purpose").asText()).isEqualTo("EMPLOYMENT_ACTIVATION");
            assertThat(change.path("legal_basis").asText()).startsWith("Social Assistance Act art. 34");
            assertThat(change.path("agreement").asText()).isEqualTo("sa-pes-activation-referral@1.2.0");
        });
        assertThat(changes).filteredOn(e -> e.path("action").asText().equals("CREATE")).singleElement()
                .satisfies(created -> {
                    assertThat(created.path("correlation_id").asText()).isEqualTo(correlationId);
                    assertThat(created.path("reason").asText()).contains("for sa.gov.example");
                });
        assertThat(changes).filteredOn(e -> e.path("action").asText().equals("UPDATE")).singleElement()
                .satisfies(withdrawal -> assertThat(withdrawal.path("reason").asText()).contains("for pes.gov.example"));
    }

    @Test
    void bad_consent_input_is_a_400_in_the_standard_format_and_nothing_is_stored() {
        String person = person();
        String longText = "x".repeat(300);
        List<String> bodies = List.of(
                "null",
                "[]",
                "\"text\"",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\",\"scope\":[null]}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\",\"scope\":\"x\"}",
                "{\"person_id\":{},\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\"}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\",\"given_by_role\":\"BOSS\"}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\",\"given_at\":42}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"NOT_A_PURPOSE\",\"source\":\"f\"}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"" + longText + "\",\"source\":\"f\"}",
                "{\"person_id\":\"" + person + longText + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\"}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"" + longText + "\"}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\",\"given_by\":\"" + longText + "\"}",
                "{\"person_id\":\"" + person + "\",\"purpose\":\"EMPLOYMENT_ACTIVATION\",\"source\":\"f\",\"scope\":[\"" + longText + "\"]}");
        for (String body : bodies) {
            HubClient.Answer answer = hub.post("sa-worker", CONSENTS, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().path("errors").findValuesAsText("code")).as(body).containsOnly("err.request.bad");
        }
        String id = hub.post("sa-worker", CONSENTS, Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form")).json().path("id").asText();
        assertThat(hub.post("sa-worker", CONSENTS + "/{id}/withdrawal", "null", id).status()).isEqualTo(400);
        assertThat(hub.post("sa-worker", CONSENTS + "/{id}/withdrawal", Map.of("reason", "r".repeat(1001)), id)
                .status()).isEqualTo(400);
        assertThat(hub.post("sa-worker", CONSENTS + "/{id}/withdrawal", Map.of(), longText).status()).isEqualTo(400);
        assertThat(hub.get("sa-worker", CONSENTS + "?person_id={p}", longText).status()).isEqualTo(400);
        assertThat(hub.get("auditor", CONSENTS + "?person_id={p}", person).json().path("consents"))
                .singleElement().satisfies(only -> assertThat(only.path("status").asText()).isEqualTo("ACTIVE"));
    }

    @Test
    void a_referral_whose_consent_was_given_longer_ago_than_the_backdating_window_is_refused_and_records_nothing() {
        Referrals.Referral referral = Referrals.forPerson(person());
        ((com.fasterxml.jackson.databind.node.ObjectNode) referral.envelope().get("message").get("referral_request")
                .get(0).get("consent")).put("ts", Instant.now().minus(Duration.ofDays(45)).toString());

        HubClient.Answer refused = hub.postWithToken(hub.clientToken("sa-system", "referral:create"),
                "/dci/employment/v1.0.0/referrals", referral.json());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.bad");
        assertThat(refused.body()).contains("consent.ts: more than 30 days before it is recorded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_consent WHERE source LIKE ?", Integer.class,
                "%" + referral.referenceId() + "%")).isZero();
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

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static List<String> messages(HubClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().path("errors").findValuesAsText("code")).containsOnly("err.request.bad");
        return answer.json().path("errors").findValuesAsText("message");
    }

    private static String message(HubClient.Answer answer, int status) {
        return messages(answer, status).get(0);
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
