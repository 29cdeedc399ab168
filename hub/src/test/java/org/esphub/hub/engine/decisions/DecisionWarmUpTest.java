package org.esphub.hub.engine.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-up must reach the FEEL interpreter, or it warms nothing: every deployed decision is
 * evaluated to a result by a DMN engine of its own, with every fact missing, and without a
 * process engine (so nothing can be recorded), and what it parsed is kept for the first referral.
 */
class DecisionWarmUpTest {

    private final ParsedFeelExpressions parsed = new ParsedFeelExpressions(100);
    private final DmnEngine dmn =
            DecisionEngineConfiguration.decisionEngine(new ParseOnceFeelEngineFactory(parsed)).buildEngine();

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
            assertThat(parsed.size()).as("%s's FEEL texts parsed and kept for the referrals", key).isGreaterThan(0);
        }
    }
}
