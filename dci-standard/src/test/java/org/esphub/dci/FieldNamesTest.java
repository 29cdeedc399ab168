package org.esphub.dci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldNamesTest {

    @ParameterizedTest
    @CsvSource({"pes_case_number,pesCaseNumber", "person_id,personId", "outcome,outcome",
            "training_benefit_approved,trainingBenefitApproved"})
    void snake_case_and_camel_case_convert_both_ways(String snake, String camel) {
        assertThat(FieldNames.camelCase(snake)).isEqualTo(camel);
        assertThat(FieldNames.snakeCase(camel)).isEqualTo(snake);
    }
}
