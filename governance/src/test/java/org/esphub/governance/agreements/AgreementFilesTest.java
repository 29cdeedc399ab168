package org.esphub.governance.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.List;
import org.esphub.governance.ShippedAgreements;
import org.esphub.governance.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** Agreements are read from YAML and checked at start-up; a bad file is refused with its name and problem. */
class AgreementFilesTest {

    private static final String FILE = "agreements/test.yaml";

    private static final String VALID = """
            id: test-mou
            version: 2.1.0
            title: Test MoU
            legal_basis:
              reference: "Test Act art. 1"
            parties:
              - {id: sa.gov.example, name: SA}
              - {id: pes.gov.example, name: PES}
            purposes:
              - {code: EMPLOYMENT_ACTIVATION, description: activation}
            processes: [referral-to-pes]
            retention: P5Y
            consent:
              validity: P1Y
            exchanges:
              - name: pes-register-jobseeker
                channel: HTTP
                receiver: pes.gov.example
                action: CREATE
                resource_type: jobseeker
                purposes: [EMPLOYMENT_ACTIVATION]
                consent_required: true
                fields: [person_id, employment_details.employer_name]
                response_fields: [case_number]
            """;

    @Test
    void a_valid_file_becomes_an_agreement_with_its_exchanges() {
        DataSharingAgreement agreement = read(VALID);

        assertThat(agreement.reference()).isEqualTo("test-mou@2.1.0");
        assertThat(agreement.source()).isEqualTo(FILE);
        assertThat(agreement.retention()).isEqualTo(Period.ofYears(5));
        assertThat(agreement.consentValidity()).contains(Period.ofYears(1));
        AgreementExchange exchange = agreement.exchanges().get(0);
        assertThat(exchange.action()).isEqualTo(AuditAction.CREATE);
        assertThat(exchange.needsConsent()).isTrue();
        assertThat(exchange.fields()).containsExactly("person_id", "employment_details.employer_name");
    }

    @Test
    void every_shipped_agreement_is_valid_and_covers_the_exchanges_of_the_referral() {
        AgreementCatalogue shipped = ShippedAgreements.load();

        assertThat(shipped.all()).extracting(DataSharingAgreement::source)
                .allMatch(source -> source.startsWith("agreements/") && source.endsWith(".yaml"));
        for (String exchange : List.of("sa-fetch-profile", "pes-register-jobseeker", "sa-notify-outcome",
                "api.search-referrals", "webhook.referral_created", "webhook.referral_updated",
                "api.search-consents", "api.search-audit-events")) {
            assertThat(shipped.coverageOf(exchange)).as(exchange).isNotEmpty();
        }
        assertThat(shipped.coverageOf("pes-register-jobseeker", "EMPLOYMENT_ACTIVATION")).get()
                .satisfies(coverage -> assertThat(coverage.exchange().needsConsent()).isTrue());
    }

    @Test
    void the_subsidy_check_receives_the_vulnerability_percentile_and_never_the_household() {
        AgreementExchange check = ShippedAgreements.load().coverageOf("sa-check-subsidy-eligibility").get(0).exchange();

        assertThat(check.responseFields()).contains("vulnerability_percentile")
                .noneMatch(field -> field.contains("household") || field.contains("member") || field.contains("income"));
    }

    @Test
    void a_misspelt_key_stops_the_start_with_the_file_the_place_and_the_known_keys() {
        assertThatThrownBy(() -> read(VALID.replace("consent_required: true", "consent_requried: true")))
                .isInstanceOf(InvalidAgreementFile.class)
                .hasMessageStartingWith(FILE + ": ")
                .hasMessageContaining("exchanges[0]")
                .hasMessageContaining("unknown key 'consent_requried'")
                .hasMessageContaining("consent_required");
    }

    @Test
    void every_broken_rule_of_a_file_is_reported_at_once() {
        String broken = VALID
                .replace("receiver: pes.gov.example", "receiver: tax.gov.example")
                .replace("purposes: [EMPLOYMENT_ACTIVATION]\n    consent", "purposes: [MARKETING]\n    consent")
                .replace("    consent_required: true\n", "")
                .replace("employment_details.employer_name", "Employer Name");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(InvalidAgreementFile.class, invalid -> assertThat(invalid.problems())
                        .anyMatch(p -> p.contains(".receiver: must be one of the parties"))
                        .anyMatch(p -> p.contains("'MARKETING' is not one of the agreement's purposes"))
                        .anyMatch(p -> p.contains(".consent_required: required"))
                        .anyMatch(p -> p.contains("'Employer Name' is not a field path")));
    }

    @Test
    void a_read_that_sends_nothing_names_what_it_keeps_of_the_answer_and_any_other_exchange_what_it_sends() {
        String catalogue = VALID.replace("action: CREATE", "action: READ")
                .replace("fields: [person_id, employment_details.employer_name]", "fields: []");
        assertThat(read(catalogue).exchanges().get(0).fields()).isEmpty();

        assertThatThrownBy(() -> read(catalogue.replace("    response_fields: [case_number]\n", "")))
                .isInstanceOfSatisfying(InvalidAgreementFile.class, invalid -> assertThat(invalid.problems())
                        .anyMatch(p -> p.contains(".fields: at least one")));
        String createWithoutFields = VALID.replace("fields: [person_id, employment_details.employer_name]", "fields: []");
        assertThatThrownBy(() -> read(createWithoutFields))
                .isInstanceOfSatisfying(InvalidAgreementFile.class, invalid -> assertThat(invalid.problems())
                        .anyMatch(p -> p.contains(".fields: at least one")));
    }

    @Test
    void the_partner_an_exchange_reaches_is_named_by_one_of_the_fields_it_sends() {
        String toOnePartner = VALID.replace("    response_fields: [case_number]\n",
                "    response_fields: [case_number]\n    partner_field: person_id\n");
        assertThat(read(toOnePartner).exchanges().get(0).partnerField()).isEqualTo("person_id");

        assertThatThrownBy(() -> read(toOnePartner.replace("partner_field: person_id", "partner_field: employer_id")))
                .isInstanceOfSatisfying(InvalidAgreementFile.class, invalid -> assertThat(invalid.problems())
                        .anyMatch(p -> p.contains(".partner_field: 'employer_id' must be one of the exchange's fields")));
    }

    @Test
    void a_retention_that_is_not_a_period_names_the_key_and_the_line() {
        assertThatThrownBy(() -> read(VALID.replace("retention: P5Y", "retention: five years")))
                .isInstanceOf(InvalidAgreementFile.class)
                .hasMessageContaining(FILE + ": retention (line 12)");
    }

    @Test
    void a_file_that_is_not_yaml_is_refused() {
        assertThatThrownBy(() -> read("id: [unclosed"))
                .isInstanceOf(InvalidAgreementFile.class)
                .hasMessageStartingWith(FILE + ": ");
    }

    @Test
    void two_agreements_may_not_give_one_exchange_the_same_purpose() {
        DataSharingAgreement first = read(VALID);
        DataSharingAgreement second = AgreementFileReader.read("agreements/other.yaml",
                stream(VALID.replace("id: test-mou", "id: other-mou")));

        assertThatThrownBy(() -> new AgreementCatalogue(List.of(first, second)))
                .isInstanceOf(InvalidAgreementFile.class)
                .hasMessageContaining("pes-register-jobseeker")
                .hasMessageContaining("already covered by agreements/");
    }

    @Test
    void no_agreement_at_all_stops_the_start() {
        assertThatThrownBy(() -> AgreementLoader.load(new org.springframework.core.io.support
                .PathMatchingResourcePatternResolver(), List.of("classpath*:no-such-folder/*.yaml")))
                .isInstanceOf(InvalidAgreementFile.class)
                .hasMessageContaining("no agreement file found");
    }

    private static DataSharingAgreement read(String yaml) {
        return AgreementFileReader.read(FILE, stream(yaml));
    }

    private static ByteArrayInputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
