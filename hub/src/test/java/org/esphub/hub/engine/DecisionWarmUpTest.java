package org.esphub.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-up must reach the FEEL interpreter, or it warms nothing: every deployed decision is
 * evaluated to a result by a DMN engine of its own, with every fact missing, and without a
 * process engine (so nothing can be recorded).
 */
class DecisionWarmUpTest {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest
    @CsvSource({
        "referral-eligibility.dmn, referral-eligibility",
        "placement-suitability.dmn, placement-suitability",
        "training-attendance.dmn, training-attendance",
        "benefit-adjustment.dmn, benefit-adjustment"
    })
    void everyDecisionIsEvaluatedThroughFeelWithoutAnEngine(String file, String key) throws IOException {
        try (InputStream model = getClass().getResourceAsStream("/processes/" + file)) {
            assertThat(model).as(file).isNotNull();
            DmnDecisionResult result = DecisionWarmUp.rehearse(dmn, key, model);
            assertThat(result).as("%s evaluated", key).isNotNull();
        }
    }
}
