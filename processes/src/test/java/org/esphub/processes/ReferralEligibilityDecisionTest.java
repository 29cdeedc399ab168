package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.ReferralToPes.BENEFIT_STATUS_ACTIVE;
import static org.esphub.processes.ReferralToPes.BENEFIT_STATUS_ENDED;
import static org.esphub.processes.ReferralToPes.BENEFIT_STATUS_NONE;
import static org.esphub.processes.ReferralToPes.BENEFIT_STATUS_SUSPENDED;
import static org.esphub.processes.ReferralToPes.DECISION_ELIGIBILITY;
import static org.esphub.processes.ReferralToPes.DMN_RESOURCE;
import static org.esphub.processes.ReferralToPes.ELIGIBILITY_AGE_ABOVE_MAXIMUM;
import static org.esphub.processes.ReferralToPes.ELIGIBILITY_AGE_BELOW_MINIMUM;
import static org.esphub.processes.ReferralToPes.ELIGIBILITY_BENEFIT_NOT_ACTIVE;
import static org.esphub.processes.ReferralToPes.ELIGIBILITY_ELIGIBLE;
import static org.esphub.processes.ReferralToPes.ELIGIBILITY_NOT_WORK_ABLE;
import static org.esphub.processes.ReferralToPes.VAR_BENEFIT_END_DATE;
import static org.esphub.processes.ReferralToPes.VAR_BENEFIT_STATUS;
import static org.esphub.processes.ReferralToPes.VAR_BIRTH_DATE;
import static org.esphub.processes.ReferralToPes.VAR_ELIGIBILITY_DECISION;
import static org.esphub.processes.ReferralToPes.VAR_WORK_ABLE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DMN {@code referral-eligibility}, rule by rule (hit policy FIRST). Dates are relative to the real
 * today, as the DMN's FEEL {@code today()} is.
 */
@Deployment(resources = DMN_RESOURCE)
class ReferralEligibilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final LocalDate TODAY = LocalDate.now();

    // ---- rule 1: not work-able ---------------------------------------------------------------------

    @Test
    void a_person_SA_assessed_as_not_work_able_is_not_eligible_whatever_else_holds() {
        assertDecision(profile().with(VAR_WORK_ABLE, false), ELIGIBILITY_NOT_WORK_ABLE, "Rule_NotWorkAble");
    }

    @Test
    void a_person_without_a_work_ability_assessment_is_treated_as_not_work_able() {
        assertDecision(profile().with(VAR_WORK_ABLE, null), ELIGIBILITY_NOT_WORK_ABLE, "Rule_NotWorkAble");
    }

    // ---- rule 2: below minimum age --------------------------------------------------------------

    @Test
    void a_person_one_day_before_their_18th_birthday_is_below_the_minimum_age() {
        assertDecision(profile().bornOn(TODAY.minusYears(18).plusDays(1)), ELIGIBILITY_AGE_BELOW_MINIMUM,
                "Rule_AgeBelowMinimum");
    }

    @Test
    void a_person_turning_18_today_is_eligible() {
        assertDecision(profile().bornOn(TODAY.minusYears(18)), ELIGIBILITY_ELIGIBLE, "Rule_BenefitActive");
    }

    // ---- rule 3: above maximum age ---------------------------------------------------------------

    @Test
    void a_person_turning_65_today_is_above_the_maximum_age() {
        assertDecision(profile().bornOn(TODAY.minusYears(65)), ELIGIBILITY_AGE_ABOVE_MAXIMUM, "Rule_AgeAboveMaximum");
    }

    @Test
    void a_person_one_day_before_their_65th_birthday_is_eligible() {
        assertDecision(profile().bornOn(TODAY.minusYears(65).plusDays(1)), ELIGIBILITY_ELIGIBLE, "Rule_BenefitActive");
    }

    // ---- rule 4: benefit active ------------------------------------------------------------------

    @Test
    void a_work_able_adult_with_an_active_benefit_is_eligible() {
        assertDecision(profile(), ELIGIBILITY_ELIGIBLE, "Rule_BenefitActive");
    }

    // ---- rule 5: benefit ended recently -------------------------------------------------------------

    @Test
    void a_benefit_that_ended_30_days_ago_is_still_within_the_grace_period() {
        assertDecision(profile().benefitEnded(TODAY.minusDays(30)), ELIGIBILITY_ELIGIBLE, "Rule_BenefitRecentlyEnded");
    }

    @Test
    void a_benefit_that_ended_today_is_within_the_grace_period() {
        assertDecision(profile().benefitEnded(TODAY), ELIGIBILITY_ELIGIBLE, "Rule_BenefitRecentlyEnded");
    }

    // ---- rule 6: everything else -------------------------------------------------------------------

    @Test
    void a_benefit_that_ended_31_days_ago_is_no_longer_active() {
        assertDecision(profile().benefitEnded(TODAY.minusDays(31)), ELIGIBILITY_BENEFIT_NOT_ACTIVE, "Rule_BenefitNotActive");
    }

    @Test
    void a_suspended_benefit_is_not_active() {
        assertDecision(profile().with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_SUSPENDED), ELIGIBILITY_BENEFIT_NOT_ACTIVE,
                "Rule_BenefitNotActive");
    }

    @Test
    void a_person_without_a_benefit_is_not_eligible() {
        assertDecision(profile().with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_NONE), ELIGIBILITY_BENEFIT_NOT_ACTIVE,
                "Rule_BenefitNotActive");
    }

    @Test
    void an_ended_benefit_without_an_end_date_is_not_active() {
        assertDecision(profile().with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ENDED), ELIGIBILITY_BENEFIT_NOT_ACTIVE,
                "Rule_BenefitNotActive");
    }

    @Test
    void a_profile_without_the_optional_end_date_variable_is_still_decided() {
        Profile profile = profile();
        profile.variables.remove(VAR_BENEFIT_END_DATE);
        assertDecision(profile, ELIGIBILITY_ELIGIBLE, "Rule_BenefitActive");
    }

    // ---- rule order ---------------------------------------------------------------------------

    @Test
    void work_ability_is_checked_before_age_and_age_before_benefit_status() {
        assertDecision(profile().with(VAR_WORK_ABLE, false).bornOn(TODAY.minusYears(16))
                .with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_NONE), ELIGIBILITY_NOT_WORK_ABLE, "Rule_NotWorkAble");
        assertDecision(profile().bornOn(TODAY.minusYears(70)).with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_SUSPENDED),
                ELIGIBILITY_AGE_ABOVE_MAXIMUM, "Rule_AgeAboveMaximum");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void assertDecision(Profile profile, String expectedDecision, String expectedRuleId) {
        DmnDecisionTableResult result = engine.getDecisionService()
                .evaluateDecisionTableByKey(DECISION_ELIGIBILITY, profile.variables);

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(expectedDecision);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(VAR_ELIGIBILITY_DECISION);

        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DECISION_ELIGIBILITY)
                .includeOutputs()
                .orderByEvaluationTime().desc()
                .list().get(0);
        assertThat(evaluation.getOutputs()).singleElement()
                .satisfies(output -> assertThat(output.getRuleId()).isEqualTo(expectedRuleId));
    }

    /** A work-able 40-year-old with an active benefit: eligible; each test changes one fact. */
    private static Profile profile() {
        return new Profile()
                .bornOn(TODAY.minusYears(40))
                .with(VAR_WORK_ABLE, true)
                .with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ACTIVE)
                .with(VAR_BENEFIT_END_DATE, null);
    }

    private static final class Profile {
        final Map<String, Object> variables = new HashMap<>();

        Profile with(String name, Object value) {
            variables.put(name, value);
            return this;
        }

        Profile bornOn(LocalDate birthDate) {
            return with(VAR_BIRTH_DATE, birthDate.toString());
        }

        Profile benefitEnded(LocalDate endDate) {
            return with(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ENDED).with(VAR_BENEFIT_END_DATE, endDate.toString());
        }
    }
}
