package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.processes.TrainingEnrolment.ATTENDANCE_COUNSELLING_CODE;
import static org.esphub.processes.TrainingEnrolment.DECISION_ATTENDANCE;
import static org.esphub.processes.TrainingEnrolment.DMN_RESOURCE;
import static org.esphub.processes.TrainingEnrolment.VAR_ATTENDANCE_ACTION;
import static org.esphub.processes.TrainingEnrolment.VAR_ATTENDANCE_RATE;

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
 * The DMN {@code training-attendance}, rule by rule (hit policy UNIQUE: the bands must not overlap, so
 * every rate, including each threshold itself, must match exactly one rule).
 */
@Deployment(resources = DMN_RESOURCE)
class TrainingAttendanceDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @ParameterizedTest(name = "{0} % attended -> {1} ({2})")
    @CsvSource({
            // rule 1: at least 80 % is on track (codes as in TrainingEnrolment.ATTENDANCE_*_CODE)
            "100,   ON_TRACK,    Rule_AttendanceOnTrack",
            "80,    ON_TRACK,    Rule_AttendanceOnTrack",
            // rule 2: 70 up to but not including 80 needs counselling
            "79.9,  COUNSELLING, Rule_AttendanceBelowMinimum",
            "75,    COUNSELLING, Rule_AttendanceBelowMinimum",
            "70,    COUNSELLING, Rule_AttendanceBelowMinimum",
            // rule 3: below 70 is a warning
            "69.99, WARNING,     Rule_AttendanceBelowWarningThreshold",
            "0,     WARNING,     Rule_AttendanceBelowWarningThreshold",
    })
    void each_attendance_band_leads_to_its_action(double rate, String expectedAction, String expectedRule) {
        assertDecision(rate, expectedAction, expectedRule);
    }

    @ParameterizedTest(name = "the provider sends {0} as a whole number")
    @CsvSource({"85, ON_TRACK", "72, COUNSELLING", "40, WARNING"})
    void whole_numbers_from_an_agency_event_are_judged_like_decimals(long rate, String expectedAction) {
        // the event intake hands JSON integers to the engine as Long
        assertThat(evaluate(rate).getSingleResult().<String>getSingleEntry()).isEqualTo(expectedAction);
    }

    // rule 4: no rate
    @Test
    void a_report_without_a_rate_is_looked_at_by_a_counsellor() {
        assertDecision(null, ATTENDANCE_COUNSELLING_CODE, "Rule_AttendanceRateMissing");
    }

    private void assertDecision(Object rate, String expectedAction, String expectedRuleId) {
        DmnDecisionTableResult result = evaluate(rate);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(VAR_ATTENDANCE_ACTION);
        assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(expectedAction);

        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DECISION_ATTENDANCE)
                .includeOutputs()
                .orderByEvaluationTime().desc()
                .list().get(0);
        assertThat(evaluation.getOutputs()).singleElement()
                .satisfies(output -> assertThat(output.getRuleId()).isEqualTo(expectedRuleId));
    }

    private DmnDecisionTableResult evaluate(Object rate) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_ATTENDANCE_RATE, rate);
        return engine.getDecisionService().evaluateDecisionTableByKey(DECISION_ATTENDANCE, variables);
    }
}
