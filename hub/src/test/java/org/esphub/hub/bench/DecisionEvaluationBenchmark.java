package org.esphub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.hub.engine.decisions.DecisionEngineConfiguration;
import org.esphub.hub.engine.decisions.ParseOnceFeelEngineFactory;
import org.esphub.hub.engine.decisions.ParsedFeelExpressions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What parsing each FEEL text once saves per decision (bench/README "Decisions"): the referral's
 * eligibility and a placement's suitability, evaluated by the engine's standard DMN engine and by
 * the hub's, in alternating rounds on the same thread, printed as microseconds of CPU per evaluation.
 * Run: {@code ./mvnw -q -pl hub test -Dsurefire.excludedGroups=none -Dgroups=benchmark -Dtest=DecisionEvaluationBenchmark}
 */
@Tag("benchmark")
class DecisionEvaluationBenchmark {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final int ROUNDS = 3;
    // the thread's CPU time, not the wall clock: the machine is shared, and a wait for a core
    // is not work the decision does
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void evaluationsPerDecisionWithAndWithoutParsingOnce() throws IOException {
        DmnEngine standard = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine parseOnce = DecisionEngineConfiguration.decisionEngine(
                new ParseOnceFeelEngineFactory(new ParsedFeelExpressions(2000))).buildEngine();
        for (String key : List.of("referral-eligibility", "placement-suitability")) {
            Map<String, Object> facts = factsFor(key);
            DmnDecision a = decision(standard, key);
            DmnDecision b = decision(parseOnce, key);
            run(standard, a, facts, WARM_UP);
            run(parseOnce, b, facts, WARM_UP);
            for (int round = 1; round <= ROUNDS; round++) {
                double plain = run(standard, a, facts, MEASURED);
                double once = run(parseOnce, b, facts, MEASURED);
                System.out.printf("decision %s, round %d: standard %.1f us, parsing once %.1f us per evaluation (%.0f %% saved)%n",
                        key, round, plain, once, 100 * (1 - once / plain));
            }
            assertThat(parseOnce.evaluateDecision(b, facts).getResultList())
                    .isEqualTo(standard.evaluateDecision(a, facts).getResultList());
        }
    }

    private static double run(DmnEngine engine, DmnDecision decision, Map<String, Object> facts, int times) {
        long started = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < times; i++) {
            engine.evaluateDecision(decision, facts);
        }
        return (CPU.getCurrentThreadCpuTime() - started) / 1000.0 / times;
    }

    private static Map<String, Object> factsFor(String key) {
        return key.equals("referral-eligibility")
                ? Variables.createVariables().putValue("workAble", true).putValue("birthDate", "1990-04-01")
                        .putValue("benefitStatus", "ACTIVE").putValue("benefitEndDate", null)
                : Variables.createVariables().putValue("hoursPerWeek", 38.0).putValue("contractType", "PERMANENT")
                        .putValue("contractMonths", null).putValue("monthlyWage", 2400.0);
    }

    private static DmnDecision decision(DmnEngine engine, String key) throws IOException {
        try (InputStream model = DecisionEvaluationBenchmark.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            return engine.parseDecision(key, model);
        }
    }
}
