package org.esphub.hub.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.AgreementFileReader;
import org.junit.jupiter.api.Test;

/**
 * What a rectification may be: a field of the catalogue with its one source, else a 400 naming each problem;
 * and the catalogue names only fields the agreements let the hub pass on, with a source that is a party.
 */
class RectificationBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"person_id\":\"10000000001\",\"given_name\":\"Maria\","
            + "\"family_name\":\"Rodriguez\",\"field\":\"birth_date\",\"source_agency\":\"sa.gov.example\","
            + "\"claimed_value\":\"1990-05-14\",\"statement\":\"my passport says 14 May 1990\"}";

    @Test
    void a_field_of_the_catalogue_from_its_source_is_taken_with_its_source_agencys_caseworkers() throws Exception {
        RectificationBody body = RectificationBody.of(JSON.readTree(VALID));
        assertThat(body.field().sourceGroup()).isEqualTo("sa-caseworkers");
        assertThat(body.asPayload()).containsEntry("field", "birth_date").containsEntry("claimed_value", "1990-05-14");
    }

    @Test
    void an_unknown_field_a_wrong_source_and_odd_values_are_each_named_with_err_request_bad() {
        assertThatThrownBy(() -> RectificationBody.of(JSON.readTree(VALID.replace("birth_date", "shoe_size"))))
                .isInstanceOfSatisfying(DciRejection.class, rejection -> assertThat(rejection.getDetails())
                        .anyMatch(d -> d.startsWith("field: one of")));
        assertThatThrownBy(() -> RectificationBody.of(JSON.readTree(VALID.replace("sa.gov.example", "pes.gov.example"))))
                .isInstanceOfSatisfying(DciRejection.class, rejection -> {
                    assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
                    assertThat(rejection.getDetails()).containsExactly("source_agency: birth_date comes from sa.gov.example");
                });
        assertThatThrownBy(() -> RectificationBody.of(JSON.readTree("{\"person_id\":\"../x\",\"claimed_value\":\"\\r\\nX\","
                + "\"statement\":\"\",\"extra\":1}")))
                .isInstanceOfSatisfying(DciRejection.class, rejection -> assertThat(rejection.getDetails())
                        .anyMatch(d -> d.startsWith("extra:")).anyMatch(d -> d.startsWith("person_id:"))
                        .anyMatch(d -> d.startsWith("claimed_value:")).anyMatch(d -> d.startsWith("statement:"))
                        .anyMatch(d -> d.startsWith("field: required")));
    }

    @Test
    void every_rectifiable_field_is_one_an_agreement_passes_on_and_its_source_is_a_party() throws IOException {
        Set<String> fields = new HashSet<>();
        Set<String> parties = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("..", "agreements"), "*.yaml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    var agreement = AgreementFileReader.read(file.getFileName().toString(), in);
                    agreement.parties().forEach(party -> parties.add(party.id()));
                    for (AgreementExchange exchange : agreement.exchanges()) {
                        fields.addAll(exchange.fields());
                        fields.addAll(exchange.responseFields());
                    }
                }
            }
        }
        assertThat(RectifiableField.ALL).allSatisfy(field -> {
            assertThat(fields).as(field.name()).contains(field.name());
            assertThat(parties).as(field.sourceAgency()).contains(field.sourceAgency());
        });
    }

    @Test
    void the_escalation_must_come_before_the_deadline() {
        assertThatThrownBy(() -> new RectificationProperties(Duration.ofDays(5), Duration.ofDays(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalate-before");
        assertThatThrownBy(() -> new RectificationProperties(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check-within");
    }
}
