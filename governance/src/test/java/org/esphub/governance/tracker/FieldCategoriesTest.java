package org.esphub.governance.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.esphub.governance.ShippedAgreements;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.junit.jupiter.api.Test;

/**
 * A person is told categories, never fields: every field a shipped agreement lets leave has one, and
 * every shipped agreement has the plain summary and dated changes agencies hand to the people they enrol.
 */
class FieldCategoriesTest {

    private final AgreementCatalogue agreements = ShippedAgreements.load();
    private final FieldCategories categories = FieldCategories.standard();

    @Test
    void every_field_of_every_shipped_agreement_has_a_category() {
        List<String> uncategorised = new ArrayList<>();
        for (DataSharingAgreement agreement : agreements.all()) {
            for (AgreementExchange exchange : agreement.exchanges()) {
                exchange.fields().stream().filter(field -> categories.of(field).isEmpty())
                        .forEach(field -> uncategorised.add(agreement.id() + " " + exchange.name() + " " + field));
            }
        }
        assertThat(uncategorised).isEmpty();
    }

    @Test
    void labels_come_in_the_catalogues_order_and_a_dotted_path_takes_its_objects_category() {
        assertThat(categories.labelsOf(List.of("monthly_benefit_amount", "given_name", "reference_id")))
                .containsExactly("identity", "case references and status", "benefit");
        assertThat(categories.labelsOf(List.of("employment_details.monthly_income"))).containsExactly("employment");
        assertThat(categories.of("no_such_field")).isEmpty();
    }

    @Test
    void every_shipped_agreement_has_a_summary_and_its_changes_end_at_its_version() {
        assertThat(agreements.all()).allSatisfy(agreement -> {
            assertThat(agreement.summary()).as(agreement.id()).isNotBlank();
            assertThat(agreement.changes()).as(agreement.id()).isNotEmpty();
            assertThat(agreement.changes().get(agreement.changes().size() - 1).version()).isEqualTo(agreement.version());
        });
    }

    @Test
    void a_summary_names_purposes_categories_receivers_retention_and_changes() {
        DataSharingAgreement agreement = agreements.byId("sa-pes-activation-referral").orElseThrow();
        AgreementSummary summary = AgreementSummary.of(agreement, categories);

        assertThat(summary.purposes()).extracting("code").contains("EMPLOYMENT_ACTIVATION");
        assertThat(summary.dataCategories()).contains("identity")
                .doesNotContain("work capacity (never a diagnosis)");
        assertThat(summary.receivers()).extracting("id").contains("sa.gov.example", "pes.gov.example");
        assertThat(summary.retentionText()).isEqualTo("5 years");
        // dated from the first version to the one in force
        assertThat(summary.changes()).extracting("version").startsWith("1.0.0").endsWith(agreement.version());
        assertThat(AgreementSummary.inWords(Period.parse("P1Y6M"))).isEqualTo("1 year and 6 months");
    }
}
