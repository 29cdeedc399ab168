package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.BenefitAdjustment.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DMN {@code benefit-adjustment}, rule by rule (hit policy FIRST), with the boundaries of each
 * threshold. Each case also proves that the rule-id and rule-reason outputs the approval form shows
 * are the id and annotation of the rule that really fired.
 */
@Deployment(resources = DMN_RESOURCE)
class BenefitAdjustmentDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Double BENEFIT = 1000.0;

    static Stream<Arguments> cases() {
        return Stream.of(
                // rule 1: no benefit in payment, checked before anything else
                decided("no current benefit", facts().with(VAR_CURRENT_MONTHLY_BENEFIT, null),
                        RULE_NO_BENEFIT_IN_PAYMENT, DECISION_CONTINUE, 100, null),
                decided("a benefit of zero", facts().with(VAR_CURRENT_MONTHLY_BENEFIT, 0.0),
                        RULE_NO_BENEFIT_IN_PAYMENT, DECISION_CONTINUE, 100, null),
                decided("no benefit and not in work", facts().with(VAR_CURRENT_MONTHLY_BENEFIT, 0.0)
                        .with(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_UNEMPLOYED),
                        RULE_NO_BENEFIT_IN_PAYMENT, DECISION_CONTINUE, 100, null),
                // rule 2: not in work
                decided("unemployed", facts().with(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_UNEMPLOYED),
                        RULE_NOT_IN_WORK, DECISION_CONTINUE, 100, null),
                decided("inactive", facts().with(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_INACTIVE),
                        RULE_NOT_IN_WORK, DECISION_CONTINUE, 100, null),
                // rule 3: employment not verified
                decided("status unknown", facts().with(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_UNKNOWN),
                        RULE_EMPLOYMENT_NOT_VERIFIED, DECISION_CONTINUE, 100, null),
                decided("no status", facts().with(VAR_EMPLOYMENT_STATUS, null),
                        RULE_EMPLOYMENT_NOT_VERIFIED, DECISION_CONTINUE, 100, null),
                // rule 4: in work, income unknown
                decided("employed, income not reported", facts().with(VAR_MONTHLY_EMPLOYMENT_INCOME, null),
                        RULE_INCOME_NOT_REPORTED, DECISION_SUSPEND, 0, null),
                // rule 5: earnings below 20 % disregarded
                decided("no earnings", facts().earning(0.0), RULE_EARNINGS_DISREGARDED, DECISION_CONTINUE, 100, null),
                decided("earnings just under 20 %", facts().earning(199.99),
                        RULE_EARNINGS_DISREGARDED, DECISION_CONTINUE, 100, null),
                // rule 6: 20 % to under 60 %
                decided("earnings of exactly 20 %", facts().earning(200.0), RULE_SMALL_EARNINGS, DECISION_REDUCE, 75, null),
                decided("earnings just under 60 %", facts().earning(599.99), RULE_SMALL_EARNINGS, DECISION_REDUCE, 75, null),
                // rule 7: 60 % to under 120 %
                decided("earnings of exactly 60 %", facts().earning(600.0),
                        RULE_SUBSTANTIAL_EARNINGS, DECISION_REDUCE, 50, null),
                decided("earnings just under 120 %, long stable", facts().earning(1199.99).stableFor(400),
                        RULE_SUBSTANTIAL_EARNINGS, DECISION_REDUCE, 50, null),
                // rule 8: graduation with tapering
                decided("earnings of exactly 120 %, stable exactly 90 days", facts().earning(1200.0).stableFor(90),
                        RULE_GRADUATION, DECISION_GRADUATE, 75, "75,50,25,0"),
                decided("earnings of 250 %, stable a year", facts().earning(2500.0).stableFor(365),
                        RULE_GRADUATION, DECISION_GRADUATE, 75, "75,50,25,0"),
                // rule 9: enough earnings, job not yet stable
                decided("earnings of 120 %, stable 89 days", facts().earning(1200.0).stableFor(89),
                        RULE_SUFFICIENT_EARNINGS_NOT_YET_STABLE, DECISION_REDUCE, 25, null),
                decided("earnings of 300 %, stability not known", facts().earning(3000.0).with(VAR_STABLE_EMPLOYMENT_DAYS, null),
                        RULE_SUFFICIENT_EARNINGS_NOT_YET_STABLE, DECISION_REDUCE, 25, null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void decides_by_the_first_matching_rule(String situation, Facts facts, String expectedRule, String expectedDecision,
            Integer expectedPercent, String expectedSchedule) {
        DmnDecisionResult result = engine.getDecisionService()
                .evaluateDecisionByKey(DECISION_ADJUSTMENT)
                .variables(facts.variables)
                .evaluate();

        assertThat(result).hasSize(1);
        DmnDecisionResultEntries outputs = result.getSingleResult();
        // every output is present, also a schedule that is null: the process maps each one by name
        assertThat(outputs.getEntryMap()).containsOnlyKeys(VAR_ADJUSTMENT_DECISION, VAR_ADJUSTED_BENEFIT_PERCENT,
                VAR_TAPERING_SCHEDULE, VAR_ADJUSTMENT_RULE_ID, VAR_ADJUSTMENT_RULE_REASON);
        assertThat((String) outputs.getEntry(VAR_ADJUSTMENT_DECISION)).isEqualTo(expectedDecision);
        assertThat(((Number) outputs.getEntry(VAR_ADJUSTED_BENEFIT_PERCENT)).intValue()).isEqualTo(expectedPercent);
        assertThat((String) outputs.getEntry(VAR_TAPERING_SCHEDULE)).isEqualTo(expectedSchedule);
        assertThat((String) outputs.getEntry(VAR_ADJUSTMENT_RULE_ID)).isEqualTo(expectedRule);
        assertThat((String) outputs.getEntry(VAR_ADJUSTMENT_RULE_REASON)).isEqualTo(annotationOf(expectedRule));

        assertThat(ruleThatFired()).isEqualTo(expectedRule);
    }

    @Test
    void every_rule_has_a_test_case() {
        List<String> tested = cases().map(arguments -> (String) arguments.get()[2]).distinct().toList();
        assertThat(tested).containsExactlyElementsOf(rules().stream().map(Rule::getId).toList());
    }

    @Test
    void the_table_takes_the_first_matching_rule_and_every_rule_says_in_words_what_it_decides() {
        assertThat(table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        for (Rule rule : rules()) {
            String annotation = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
            assertThat(annotation).as(rule.getId()).isNotBlank();
            // the two last output columns repeat the rule's id and annotation for the approval form
            List<String> outputs = rule.getOutputEntries().stream().map(entry -> entry.getTextContent()).toList();
            assertThat(outputs.get(outputs.size() - 2)).as(rule.getId()).isEqualTo('"' + rule.getId() + '"');
            assertThat(outputs.get(outputs.size() - 1)).as(rule.getId()).isEqualTo('"' + annotation + '"');
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Arguments decided(String situation, Facts facts, String rule, String decision, Integer percent,
            String schedule) {
        return Arguments.of(situation, facts, rule, decision, percent, schedule);
    }

    /** Employed for 120 days, benefit 1000 a month, earning 1000 a month; each case changes what it tests. */
    private static Facts facts() {
        return new Facts()
                .with(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_EMPLOYED)
                .with(VAR_CURRENT_MONTHLY_BENEFIT, BENEFIT)
                .earning(1000.0)
                .stableFor(120)
                .with(VAR_ADJUSTMENT_TRIGGER, TRIGGER_EMPLOYMENT_STATUS_CHANGED);
    }

    private String ruleThatFired() {
        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DECISION_ADJUSTMENT)
                .includeOutputs()
                .orderByEvaluationTime().desc()
                .list().get(0);
        List<String> ruleIds = evaluation.getOutputs().stream().map(output -> output.getRuleId()).distinct().toList();
        assertThat(ruleIds).hasSize(1);
        return ruleIds.get(0);
    }

    private static String annotationOf(String ruleId) {
        return rules().stream().filter(rule -> rule.getId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + ruleId))
                .getDescription().getTextContent();
    }

    private static List<Rule> rules() {
        return List.copyOf(table().getRules());
    }

    private static DecisionTable table() {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_ADJUSTMENT).latestVersion().singleResult();
        DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definition.getId());
        return (DecisionTable) model.getDefinitions().getDrgElements().stream()
                .filter(element -> element.getId().equals(DECISION_ADJUSTMENT)).findFirst().orElseThrow()
                .getUniqueChildElementByType(DecisionTable.class);
    }

    /** The variables the process hands the decision; printed by the test names. */
    static final class Facts {
        final Map<String, Object> variables = new HashMap<>();

        Facts with(String name, Object value) {
            variables.put(name, value);
            return this;
        }

        Facts earning(Double monthlyIncome) {
            return with(VAR_MONTHLY_EMPLOYMENT_INCOME, monthlyIncome);
        }

        Facts stableFor(Integer days) {
            return with(VAR_STABLE_EMPLOYMENT_DAYS, days);
        }

        @Override
        public String toString() {
            return variables.toString();
        }
    }
}
