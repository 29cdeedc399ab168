package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.EmploymentSubsidy.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DMN {@code subsidy-eligibility} (hit policy FIRST: the order matters), rule by rule with the case that
 * makes each fire, its rate and cap, and the rule id and annotation each repeats as outputs.
 */
@Deployment(resources = DMN_ELIGIBILITY_RESOURCE)
class SubsidyEligibilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** Rules a case of the table below fired; every rule of the table must be among them. */
    private static final Set<String> FIRED = new TreeSet<>();

    @ParameterizedTest(name = "{0} aged {1} {2}, percentile {3}, wage {4}, contributions paid {5}, violations {6} -> {7} {8} % cap {9} ({10})")
    @CsvSource(nullValues = "null", value = {
            // the employer's standing comes first, whatever the worker
            "SEJ, 20, male,   25,   400000, false, 0,    EMPLOYER_NOT_IN_STANDING, null, null,   Rule_ContributionsUnpaid",
            "SEJ, 20, male,   25,   400000, null,  0,    EMPLOYER_NOT_IN_STANDING, null, null,   Rule_ContributionsUnpaid",
            "SMT, 30, female, 10,   300000, true,  2,    EMPLOYER_NOT_IN_STANDING, null, null,   Rule_OpenViolations",
            // the worker: the registry's percentile alone
            "SEJ, 20, male,   null, 400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_NotInRegistry",
            "SEJ, 20, male,   41,   400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_AbovePercentileCutOff",
            "SEJ, 20, male,   40,   null,   true,  null, NOT_ELIGIBLE,             null, null,   Rule_WageNotStated",
            "SEJ, 20, male,   40,   662349, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_WageAboveBand",
            // eligible: rate by wage band, the cap
            "SEJ, 18, male,   40,   400000, true,  0,    ELIGIBLE,                 30,   120000, Rule_SejFullRate",
            "SEJ, 24, female, 25,   662348, true,  null, ELIGIBLE,                 20,   120000, Rule_SejReducedRate",
            "SMT, 25, female, 1,    350000, true,  0,    ELIGIBLE,                 30,   120000, Rule_SmtFullRate",
            "SMT, 59, female, 40,   500000, true,  0,    ELIGIBLE,                 20,   120000, Rule_SmtReducedRate",
            // outside the programme's target group
            "SEJ, 25, male,   25,   400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_SejOutsideAgeBand",
            "SEJ, null, male, 25,   400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_SejOutsideAgeBand",
            "SMT, 30, male,   25,   400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_SmtOutsideTargetGroup",
            "SMT, 60, female, 25,   400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_SmtOutsideTargetGroup",
            "XYZ, 20, male,   25,   400000, true,  0,    NOT_ELIGIBLE,             null, null,   Rule_UnknownProgramme",
    })
    void each_rule_fires_for_its_case(String programme, Integer age, String sex, Integer percentile, Long wage,
            Boolean contributionsPaid, Integer violations, String proposal, Integer rate, Integer cap, String ruleId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PROGRAMME_CODE, programme);
        variables.put(VAR_WORKER_AGE, age);
        variables.put(VAR_WORKER_SEX, sex);
        variables.put(VAR_VULNERABILITY_PERCENTILE, percentile);
        variables.put(VAR_MONTHLY_WAGE, wage);
        variables.put(VAR_CONTRIBUTIONS_PAID, contributionsPaid);
        variables.put(VAR_OPEN_VIOLATIONS, violations);
        DmnDecisionResultEntries outcome = engine.getDecisionService().evaluateDecisionByKey(DECISION_ELIGIBILITY)
                .variables(variables).evaluate().getSingleResult();

        assertThat((String) outcome.getEntry(VAR_ELIGIBILITY_PROPOSAL)).isEqualTo(proposal);
        assertThat(intOrNull(outcome.getEntry(VAR_SUBSIDY_RATE_PERCENT))).isEqualTo(rate);
        assertThat(intOrNull(outcome.getEntry(VAR_MONTHLY_CAP))).isEqualTo(cap);
        assertThat((String) outcome.getEntry(VAR_ELIGIBILITY_RULE_ID)).isEqualTo(ruleId);
        assertThat((String) outcome.getEntry(VAR_ELIGIBILITY_RULE_REASON)).isEqualTo(annotation(ruleId));
        FIRED.add(ruleId);
    }

    @Test
    void every_rule_repeats_its_own_id_and_annotation_as_outputs_and_the_constants_name_them() {
        List<String> ruleIds = model().getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
        assertThat(ruleIds).containsExactly(RULE_CONTRIBUTIONS_UNPAID, RULE_OPEN_VIOLATIONS, RULE_NOT_IN_REGISTRY,
                RULE_ABOVE_PERCENTILE_CUT_OFF, RULE_WAGE_NOT_STATED, RULE_WAGE_ABOVE_BAND, RULE_SEJ_FULL_RATE,
                RULE_SEJ_REDUCED_RATE, RULE_SMT_FULL_RATE, RULE_SMT_REDUCED_RATE, RULE_SEJ_OUTSIDE_AGE_BAND,
                RULE_SMT_OUTSIDE_TARGET_GROUP, RULE_UNKNOWN_PROGRAMME);
        for (Rule rule : model().getModelElementsByType(Rule.class)) {
            List<OutputEntry> outputs = List.copyOf(rule.getOutputEntries());
            int n = outputs.size();
            assertThat(outputs.get(n - 2).getTextContent()).as(rule.getId()).isEqualTo('"' + rule.getId() + '"');
            assertThat(outputs.get(n - 1).getTextContent()).as(rule.getId())
                    .isEqualTo('"' + rule.getDescription().getTextContent() + '"');
        }
    }

    /** After the cases (the test deployment is gone by then, so the table is read from the classpath). */
    @AfterAll
    static void every_rule_has_a_case_that_fires_it() throws IOException {
        try (InputStream in = SubsidyEligibilityDecisionTest.class.getClassLoader()
                .getResourceAsStream(DMN_ELIGIBILITY_RESOURCE)) {
            assertThat(FIRED).containsExactlyInAnyOrderElementsOf(Dmn.readModelFromStream(in)
                    .getModelElementsByType(Rule.class).stream().map(Rule::getId).toList());
        }
    }

    private static Integer intOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static String annotation(String ruleId) {
        Rule rule = model().getModelElementById(ruleId);
        return rule.getDescription().getTextContent();
    }

    private static DmnModelInstance model() {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_ELIGIBILITY).latestVersion().singleResult();
        return engine.getRepositoryService().getDmnModelInstance(definition.getId());
    }
}
