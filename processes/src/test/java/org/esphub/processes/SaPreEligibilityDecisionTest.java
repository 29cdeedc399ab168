package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.PesClientSaAccess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DMN {@code sa-pre-eligibility} (hit policy FIRST: the order matters), rule by rule and on each
 * threshold's edge, and the rule id and annotation each repeats as outputs for the caseworker's form.
 */
@Deployment(resources = DMN_RESOURCE)
class SaPreEligibilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @ParameterizedTest(name = "household of {0} with {1} a month -> {2} ({3})")
    @CsvSource({
            // below the minimum income per member, whatever the household's size
            "1,    0.0, LIKELY,   Rule_IncomeBelowMinimum",
            "1,  299.0, LIKELY,   Rule_IncomeBelowMinimum",
            "3,  600.0, LIKELY,   Rule_IncomeBelowMinimum",
            // a household of four or more below the family threshold
            "4, 1600.0, LIKELY,   Rule_LargeHouseholdLowIncome",
            "6, 2694.0, LIKELY,   Rule_LargeHouseholdLowIncome",
            // at or above the thresholds
            "1,  300.0, UNLIKELY, Rule_AboveThresholds",
            "3, 1300.0, UNLIKELY, Rule_AboveThresholds",
            "4, 1800.0, UNLIKELY, Rule_AboveThresholds",
            "5, 2500.0, UNLIKELY, Rule_AboveThresholds",
    })
    void each_rule_fires_for_its_case(int householdSize, double monthlyIncome, String preEligibility, String ruleId) {
        DmnDecisionResultEntries outcome = engine.getDecisionService().evaluateDecisionByKey(DECISION_PRE_ELIGIBILITY)
                .variables(Map.of(VAR_HOUSEHOLD_SIZE, householdSize, VAR_MONTHLY_HOUSEHOLD_INCOME, monthlyIncome))
                .evaluate().getSingleResult();

        assertThat((String) outcome.getEntry(VAR_PRE_ELIGIBILITY)).isEqualTo(preEligibility);
        assertThat((String) outcome.getEntry(VAR_PRE_ELIGIBILITY_RULE_ID)).isEqualTo(ruleId);
        assertThat((String) outcome.getEntry(VAR_PRE_ELIGIBILITY_RULE_REASON)).isEqualTo(annotation(ruleId));
    }

    @Test
    void a_person_sa_has_no_figures_for_is_proposed_unlikely_and_left_to_the_caseworker() {
        Map<String, Object> noFigures = new HashMap<>();
        noFigures.put(VAR_HOUSEHOLD_SIZE, null);
        noFigures.put(VAR_MONTHLY_HOUSEHOLD_INCOME, null);
        DmnDecisionResultEntries outcome = engine.getDecisionService().evaluateDecisionByKey(DECISION_PRE_ELIGIBILITY)
                .variables(noFigures).evaluate().getSingleResult();

        assertThat((String) outcome.getEntry(VAR_PRE_ELIGIBILITY)).isEqualTo(PRE_ELIGIBILITY_UNLIKELY);
        assertThat((String) outcome.getEntry(VAR_PRE_ELIGIBILITY_RULE_ID)).isEqualTo(RULE_ABOVE_THRESHOLDS);
    }

    private static String annotation(String ruleId) {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_PRE_ELIGIBILITY).latestVersion().singleResult();
        DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definition.getId());
        Rule rule = model.getModelElementById(ruleId);
        return rule.getDescription().getTextContent();
    }
}
