package org.esphub.hub.engine.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * Parsing each FEEL text once changes when the hub parses, never what a decision decides: the
 * hub's decisions decide the same as with the engine's standard FEEL engine, and every text is
 * parsed on its first evaluation only.
 */
class ParseOnceFeelEngineTest {

    private final ParsedFeelExpressions parsed = new ParsedFeelExpressions(100);
    private final DmnEngine parseOnce =
            DecisionEngineConfiguration.decisionEngine(new ParseOnceFeelEngineFactory(parsed)).buildEngine();
    private final DmnEngine standard = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void eligibilityIsDecidedAsByTheStandardEngine() throws IOException {
        List<Map<String, Object>> cases = List.of(
                facts(true, "1990-04-01", "ACTIVE", null),
                facts(false, "1990-04-01", "ACTIVE", null),
                facts(true, "2015-01-01", "ACTIVE", null),
                facts(true, "1950-01-01", "ACTIVE", null),
                facts(true, "1990-04-01", "ENDED", "2020-01-01"),
                facts(null, null, null, null));
        assertSameDecisions("referral-eligibility", cases);
    }

    @Test
    void placementSuitabilityIsDecidedAsByTheStandardEngine() throws IOException {
        List<Map<String, Object>> cases = List.of(
                placement(38.0, "PERMANENT", null, 2400.0),
                placement(12.0, "PERMANENT", null, 2400.0),
                placement(38.0, "CASUAL", null, 2400.0),
                placement(38.0, "FIXED_TERM", 2, 2400.0),
                placement(38.0, "FIXED_TERM", 12, 100.0),
                placement(null, null, null, null));
        assertSameDecisions("placement-suitability", cases);
    }

    @Test
    void eachTextIsParsedOnItsFirstEvaluationOnly() throws IOException {
        DmnDecision decision = decision(parseOnce, "referral-eligibility");
        parseOnce.evaluateDecision(decision, facts(true, "1990-04-01", "ACTIVE", null));
        int afterFirst = parsed.size();
        assertThat(afterFirst).as("texts parsed by the first evaluation").isGreaterThan(0);

        parseOnce.evaluateDecision(decision, facts(true, "1990-04-01", "ACTIVE", null));
        assertThat(parsed.size()).as("the same facts again parse nothing new").isEqualTo(afterFirst);
    }

    @Test
    void aTextThatDoesNotParseFailsAsWithTheStandardEngineEveryTime() {
        FeelEngine feel = new ParseOnceFeelEngineFactory(parsed).createInstance();
        FeelEngine plain = new ScalaFeelEngineFactory().createInstance();
        String broken = "> > 3";
        String expected = messageOf(() -> plain.evaluateSimpleUnaryTests(broken, "x", Variables.createVariables().putValue("x", 4).asVariableContext()));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests(broken, "x",
                    Variables.createVariables().putValue("x", 4).asVariableContext()))
                    .isInstanceOf(FeelException.class).hasMessage(expected);
        }
    }

    @Test
    void beyondItsCapacityNewTextsAreParsedOnEachUseAndNotKept() {
        ParsedFeelExpressions small = new ParsedFeelExpressions(2);
        FeelEngine feel = new ParseOnceFeelEngineFactory(small).createInstance();
        var x = Variables.createVariables().putValue("x", 4).asVariableContext();
        assertThat(feel.evaluateSimpleUnaryTests("> 3", "x", x)).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("< 3", "x", x)).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("4", "x", x)).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("4", "x", x)).as("a text over the capacity still evaluates").isTrue();

        assertThat(small.size()).isEqualTo(2);
    }

    private void assertSameDecisions(String key, List<Map<String, Object>> cases) throws IOException {
        DmnDecision withParseOnce = decision(parseOnce, key);
        DmnDecision withStandard = decision(standard, key);
        for (Map<String, Object> facts : cases) {
            for (int round = 0; round < 2; round++) {
                assertThat(parseOnce.evaluateDecision(withParseOnce, facts).getResultList())
                        .as("%s for %s, round %d", key, facts, round)
                        .isEqualTo(standard.evaluateDecision(withStandard, facts).getResultList());
            }
        }
    }

    private static DmnDecision decision(DmnEngine engine, String key) throws IOException {
        try (InputStream model = ParseOnceFeelEngineTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            assertThat(model).as(key).isNotNull();
            return engine.parseDecision(key, model);
        }
    }

    private static String messageOf(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (FeelException failed) {
            return failed.getMessage();
        }
        throw new AssertionError("the standard engine accepted the text");
    }

    private static Map<String, Object> facts(Boolean workAble, String birthDate, String benefitStatus, String benefitEndDate) {
        return Variables.createVariables().putValue("workAble", workAble).putValue("birthDate", birthDate)
                .putValue("benefitStatus", benefitStatus).putValue("benefitEndDate", benefitEndDate);
    }

    private static Map<String, Object> placement(Double hours, String contract, Integer months, Double wage) {
        return Variables.createVariables().putValue("hoursPerWeek", hours).putValue("contractType", contract)
                .putValue("contractMonths", months).putValue("monthlyWage", wage);
    }
}
