package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.ActivationCompliance.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DMNs {@code compliance-assessment} (hit policy FIRST: the order matters) and
 * {@code sanction-ladder} (UNIQUE), rule by rule, and the rule id and annotation each repeats as outputs.
 */
@Deployment(resources = {DMN_ASSESSMENT_RESOURCE, DMN_LADDER_RESOURCE})
class ComplianceDecisionsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    // ---- compliance-assessment ------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: missed {1}, refused {2}, prior steps {3}, applications {4}/{5}, absences {6}, income required {7} reported {8} -> {9}")
    @CsvSource({
            // a refused offer is non-compliance whatever else holds, at any check
            "EVENT,    0, 1, 0, 0, 4, 0, false, false, NON_COMPLIANT, OFFER_REFUSED,           Rule_OfferRefused",
            "PERIODIC, 3, 1, 2, 9, 4, 5, true,  false, NON_COMPLIANT, OFFER_REFUSED,           Rule_OfferRefused",
            // two misses without notice
            "EVENT,    2, 0, 0, 0, 4, 0, false, false, NON_COMPLIANT, MISSED_APPOINTMENTS,     Rule_RepeatedMissedAppointments",
            // one miss after a step in the window
            "EVENT,    1, 0, 1, 0, 4, 0, false, false, NON_COMPLIANT, MISSED_APPOINTMENTS,     Rule_MissedAppointmentAfterStep",
            // period obligations, at the periodic review only
            "PERIODIC, 0, 0, 0, 3, 4, 0, false, false, NON_COMPLIANT, INSUFFICIENT_JOB_SEARCH, Rule_TooFewApplications",
            "PERIODIC, 0, 0, 0, 4, 4, 2, false, false, NON_COMPLIANT, TRAINING_NON_ATTENDANCE, Rule_TrainingAbsences",
            "PERIODIC, 0, 0, 0, 4, 4, 1, true,  false, NON_COMPLIANT, INCOME_NOT_REPORTED,     Rule_IncomeNotReported",
            // compliant
            "EVENT,    1, 0, 0, 0, 4, 5, true,  false, COMPLIANT,     ,                        Rule_Compliant",
            "PERIODIC, 1, 0, 0, 4, 4, 1, true,  true,  COMPLIANT,     ,                        Rule_Compliant",
            "PERIODIC, 0, 0, 0, 0, 0, 0, false, false, COMPLIANT,     ,                        Rule_Compliant",
    })
    void each_assessment_rule_fires_for_its_case(String checkType, int missed, int refused, int priorSteps,
            int applications, int minimum, int absences, boolean incomeRequired, boolean incomeReported,
            String result, String reason, String ruleId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CHECK_TYPE, checkType);
        variables.put(VAR_MISSED_APPOINTMENTS, missed);
        variables.put(VAR_REFUSED_OFFERS, refused);
        variables.put(VAR_PRIOR_STEPS_IN_WINDOW, priorSteps);
        variables.put(VAR_APPLICATIONS_IN_PERIOD, applications);
        variables.put(VAR_MINIMUM_APPLICATIONS, minimum);
        variables.put(VAR_TRAINING_ABSENCES, absences);
        variables.put(VAR_INCOME_REPORT_REQUIRED, incomeRequired);
        variables.put(VAR_INCOME_REPORTED, incomeReported);
        DmnDecisionResultEntries outcome = engine.getDecisionService().evaluateDecisionByKey(DECISION_ASSESSMENT)
                .variables(variables).evaluate().getSingleResult();

        assertThat((String) outcome.getEntry(VAR_ASSESSMENT_RESULT)).isEqualTo(result);
        assertThat((String) outcome.getEntry(VAR_NON_COMPLIANCE_REASON)).isEqualTo(reason);
        assertThat((String) outcome.getEntry(VAR_ASSESSMENT_RULE_ID)).isEqualTo(ruleId);
        assertThat((String) outcome.getEntry(VAR_ASSESSMENT_RULE_REASON)).isEqualTo(annotation(DECISION_ASSESSMENT, ruleId));
    }

    // ---- sanction-ladder --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} steps in the window -> {1} {2} %")
    @CsvSource({
            "0, warning,            0,   Rule_FirstStepWarning",
            "1, benefit_reduction,  30,  Rule_SecondStepReduction",
            "2, benefit_suspension, 100, Rule_ThirdStepSuspension",
            "3, program_exit,       100, Rule_FourthStepExit",
            "7, program_exit,       100, Rule_FourthStepExit",
    })
    void each_ladder_step_follows_from_the_history_in_the_window(Integer priorSteps, String sanctionType,
            int reductionPercent, String ruleId) {
        assertLadder(priorSteps, sanctionType, reductionPercent, ruleId);
    }

    @Test
    void no_history_at_all_is_the_first_step() {
        assertLadder(null, SANCTION_WARNING, 0, RULE_FIRST_STEP_WARNING);
    }

    @Test
    void every_rule_repeats_its_own_id_and_annotation_as_outputs() {
        for (String decision : List.of(DECISION_ASSESSMENT, DECISION_LADDER)) {
            for (Rule rule : model(decision).getModelElementsByType(Rule.class)) {
                List<OutputEntry> outputs = List.copyOf(rule.getOutputEntries());
                int n = outputs.size();
                assertThat(outputs.get(n - 2).getTextContent()).as(rule.getId()).isEqualTo('"' + rule.getId() + '"');
                assertThat(outputs.get(n - 1).getTextContent()).as(rule.getId())
                        .isEqualTo('"' + rule.getDescription().getTextContent() + '"');
            }
        }
    }

    private void assertLadder(Integer priorSteps, String sanctionType, int reductionPercent, String ruleId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PRIOR_STEPS_IN_WINDOW, priorSteps);
        DmnDecisionResultEntries outcome = engine.getDecisionService().evaluateDecisionByKey(DECISION_LADDER)
                .variables(variables).evaluate().getSingleResult();
        assertThat((String) outcome.getEntry(VAR_SANCTION_TYPE)).isEqualTo(sanctionType);
        assertThat(((Number) outcome.getEntry(VAR_REDUCTION_PERCENT)).intValue()).isEqualTo(reductionPercent);
        assertThat((String) outcome.getEntry(VAR_LADDER_RULE_ID)).isEqualTo(ruleId);
        assertThat((String) outcome.getEntry(VAR_LADDER_RULE_REASON)).isEqualTo(annotation(DECISION_LADDER, ruleId));
    }

    private static String annotation(String decisionKey, String ruleId) {
        Rule rule = model(decisionKey).getModelElementById(ruleId);
        return rule.getDescription().getTextContent();
    }

    private static DmnModelInstance model(String decisionKey) {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        return engine.getRepositoryService().getDmnModelInstance(definition.getId());
    }
}
