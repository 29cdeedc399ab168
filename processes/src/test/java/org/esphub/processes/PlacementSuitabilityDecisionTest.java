package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.JobPlacement.CONTRACT_FIXED_TERM;
import static org.esphub.processes.JobPlacement.CONTRACT_PERMANENT;
import static org.esphub.processes.JobPlacement.DECISION_SUITABILITY;
import static org.esphub.processes.JobPlacement.DMN_RESOURCE;
import static org.esphub.processes.JobPlacement.SUITABILITY_CONTRACT_TOO_SHORT;
import static org.esphub.processes.JobPlacement.SUITABILITY_CONTRACT_TYPE_NOT_SUITABLE;
import static org.esphub.processes.JobPlacement.SUITABILITY_HOURS_BELOW_MINIMUM;
import static org.esphub.processes.JobPlacement.SUITABILITY_SUITABLE;
import static org.esphub.processes.JobPlacement.SUITABILITY_WAGE_TOO_LOW;
import static org.esphub.processes.JobPlacement.VAR_CONTRACT_MONTHS;
import static org.esphub.processes.JobPlacement.VAR_CONTRACT_TYPE;
import static org.esphub.processes.JobPlacement.VAR_HOURS_PER_WEEK;
import static org.esphub.processes.JobPlacement.VAR_MINIMUM_MONTHLY_WAGE;
import static org.esphub.processes.JobPlacement.VAR_MONTHLY_WAGE;
import static org.esphub.processes.JobPlacement.VAR_PLACEMENT_SUITABILITY;
import static org.esphub.processes.JobPlacement.VAR_PREVIOUS_MONTHLY_INCOME;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DMN {@code placement-suitability}, rule by rule (hit policy FIRST). The minimum wage used here
 * (1,000) is a test value; the real one comes from the hub's settings.
 */
@Deployment(resources = DMN_RESOURCE)
class PlacementSuitabilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final double MINIMUM_WAGE = 1000.0;

    // ---- rule 1: hours ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} hours a week is below the minimum")
    @CsvSource({"19.5", "0"})
    void fewer_than_20_hours_a_week_is_not_suitable(double hours) {
        assertDecision(offer().with(VAR_HOURS_PER_WEEK, hours), SUITABILITY_HOURS_BELOW_MINIMUM, "Rule_HoursBelowMinimum");
    }

    @Test
    void unknown_hours_are_not_suitable() {
        assertDecision(offer().with(VAR_HOURS_PER_WEEK, null), SUITABILITY_HOURS_BELOW_MINIMUM, "Rule_HoursBelowMinimum");
    }

    @Test
    void exactly_20_hours_a_week_is_enough() {
        assertDecision(offer().with(VAR_HOURS_PER_WEEK, 20L), SUITABILITY_SUITABLE, "Rule_WageAtLeastMinimumWage");
    }

    // ---- rules 2 and 3: contract type ----------------------------------------------------------------

    @Test
    void an_offer_without_a_contract_type_is_not_suitable() {
        assertDecision(offer().with(VAR_CONTRACT_TYPE, null), SUITABILITY_CONTRACT_TYPE_NOT_SUITABLE,
                "Rule_ContractTypeUnknown");
    }

    @ParameterizedTest(name = "a {0} contract is not suitable")
    @CsvSource({"CASUAL", "SEASONAL", "APPRENTICESHIP"})
    void casual_seasonal_and_apprenticeship_contracts_are_not_suitable(String contractType) {
        assertDecision(offer().with(VAR_CONTRACT_TYPE, contractType), SUITABILITY_CONTRACT_TYPE_NOT_SUITABLE,
                "Rule_ContractTypeNotSuitable");
    }

    @ParameterizedTest(name = "a {0} contract can be suitable")
    @CsvSource({"PERMANENT", "PROBATIONARY"})
    void permanent_and_probationary_contracts_are_suitable_whatever_their_length(String contractType) {
        assertDecision(offer().with(VAR_CONTRACT_TYPE, contractType).with(VAR_CONTRACT_MONTHS, null),
                SUITABILITY_SUITABLE, "Rule_WageAtLeastMinimumWage");
    }

    // ---- rule 4: fixed term too short ----------------------------------------------------------------

    @Test
    void a_fixed_term_contract_of_5_months_is_too_short() {
        assertDecision(offer().with(VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM).with(VAR_CONTRACT_MONTHS, 5L),
                SUITABILITY_CONTRACT_TOO_SHORT, "Rule_FixedTermTooShort");
    }

    @Test
    void a_fixed_term_contract_of_unknown_length_is_too_short() {
        assertDecision(offer().with(VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM).with(VAR_CONTRACT_MONTHS, null),
                SUITABILITY_CONTRACT_TOO_SHORT, "Rule_FixedTermTooShort");
    }

    @Test
    void a_fixed_term_contract_of_6_months_is_long_enough() {
        assertDecision(offer().with(VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM).with(VAR_CONTRACT_MONTHS, 6L),
                SUITABILITY_SUITABLE, "Rule_WageAtLeastMinimumWage");
    }

    // ---- rule 5: wage at least the minimum wage ------------------------------------------------------

    @Test
    void a_wage_at_the_minimum_wage_is_suitable_even_far_below_the_previous_income() {
        assertDecision(offer().with(VAR_MONTHLY_WAGE, MINIMUM_WAGE).with(VAR_PREVIOUS_MONTHLY_INCOME, 5000.0),
                SUITABILITY_SUITABLE, "Rule_WageAtLeastMinimumWage");
    }

    // ---- rule 6: wage at least 60 % of the previous income -------------------------------------------

    @Test
    void a_wage_below_the_minimum_wage_but_at_60_percent_of_the_previous_income_is_suitable() {
        assertDecision(offer().with(VAR_MONTHLY_WAGE, 600L).with(VAR_PREVIOUS_MONTHLY_INCOME, 1000L),
                SUITABILITY_SUITABLE, "Rule_WageAtLeastShareOfPreviousIncome");
    }

    // ---- rule 7: wage too low ------------------------------------------------------------------------

    @Test
    void a_wage_below_the_minimum_wage_and_below_60_percent_of_the_previous_income_is_too_low() {
        assertDecision(offer().with(VAR_MONTHLY_WAGE, 599.0).with(VAR_PREVIOUS_MONTHLY_INCOME, 1000.0),
                SUITABILITY_WAGE_TOO_LOW, "Rule_WageTooLow");
    }

    @Test
    void a_wage_below_the_minimum_wage_is_too_low_when_the_previous_income_is_unknown() {
        assertDecision(offer().with(VAR_MONTHLY_WAGE, 999.0).with(VAR_PREVIOUS_MONTHLY_INCOME, null),
                SUITABILITY_WAGE_TOO_LOW, "Rule_WageTooLow");
    }

    @Test
    void an_offer_without_a_wage_is_too_low() {
        assertDecision(offer().with(VAR_MONTHLY_WAGE, null), SUITABILITY_WAGE_TOO_LOW, "Rule_WageTooLow");
    }

    // ---- rule order -------------------------------------------------------------------------------------

    @Test
    void hours_are_judged_before_the_contract_and_the_contract_before_the_wage() {
        assertDecision(offer().with(VAR_HOURS_PER_WEEK, 10L).with(VAR_CONTRACT_TYPE, "CASUAL").with(VAR_MONTHLY_WAGE, 1L),
                SUITABILITY_HOURS_BELOW_MINIMUM, "Rule_HoursBelowMinimum");
        assertDecision(offer().with(VAR_CONTRACT_TYPE, "SEASONAL").with(VAR_MONTHLY_WAGE, 1L),
                SUITABILITY_CONTRACT_TYPE_NOT_SUITABLE, "Rule_ContractTypeNotSuitable");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void assertDecision(Offer offer, String expected, String expectedRuleId) {
        DmnDecisionTableResult result = engine.getDecisionService()
                .evaluateDecisionTableByKey(DECISION_SUITABILITY, offer.variables);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(VAR_PLACEMENT_SUITABILITY);
        assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(expected);

        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DECISION_SUITABILITY)
                .includeOutputs()
                .orderByEvaluationTime().desc()
                .list().get(0);
        assertThat(evaluation.getOutputs()).singleElement()
                .satisfies(output -> assertThat(output.getRuleId()).isEqualTo(expectedRuleId));
    }

    /** A permanent 38-hour job at 1,500 a month for someone who earned 2,000: suitable; each test changes one term. */
    private static Offer offer() {
        return new Offer()
                .with(VAR_HOURS_PER_WEEK, 38L)
                .with(VAR_CONTRACT_TYPE, CONTRACT_PERMANENT)
                .with(VAR_CONTRACT_MONTHS, null)
                .with(VAR_MONTHLY_WAGE, 1500L)
                .with(VAR_PREVIOUS_MONTHLY_INCOME, 2000L)
                .with(VAR_MINIMUM_MONTHLY_WAGE, MINIMUM_WAGE);
    }

    private static final class Offer {
        final Map<String, Object> variables = new HashMap<>();

        Offer with(String name, Object value) {
            variables.put(name, value);
            return this;
        }
    }
}
