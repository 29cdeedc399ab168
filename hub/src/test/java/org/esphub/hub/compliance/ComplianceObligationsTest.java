package org.esphub.hub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annex's areas as the companion's obligations, with the episode's counts and last finding. */
class ComplianceObligationsTest {

    private static final List<String> ALL = List.of("WORK_SEARCH", "APPOINTMENT_ATTENDANCE", "PROGRAM_PARTICIPATION",
            "JOB_ACCEPTANCE");

    @Test
    void before_any_assessment_every_obligation_is_pending_with_its_counts() {
        List<Map<String, Object>> obligations = ComplianceObligations.of(ALL, episode("PENDING", null, 3, 1));
        assertThat(obligations).extracting(o -> o.get("obligation_type")).containsExactly("job_search",
                "pes_appointments", "training_participation", "work_availability");
        assertThat(obligations).extracting(o -> o.get("status")).containsOnly("pending");
        assertThat(obligations.get(0)).containsEntry("requirement", "minimum_4_applications_per_period")
                .containsEntry("applications_in_period", 3);
        assertThat(obligations.get(1)).containsEntry("missed_appointments", 1);
    }

    @Test
    void only_the_area_the_last_assessment_flagged_is_non_compliant_and_job_search_waits_for_the_review() {
        List<Map<String, Object>> obligations = ComplianceObligations.of(ALL,
                episode("NON_COMPLIANT", "MISSED_APPOINTMENTS", 2, 2));
        assertThat(obligations).extracting(o -> o.get("status")).containsExactly("pending", "non_compliant",
                "compliant", "compliant");

        List<Map<String, Object>> enough = ComplianceObligations.of(List.of("WORK_SEARCH"), episode("COMPLIANT", null, 4, 0));
        assertThat(enough.get(0)).containsEntry("status", "compliant");
        List<Map<String, Object>> flagged = ComplianceObligations.of(List.of("WORK_SEARCH"),
                episode("NON_COMPLIANT", "INSUFFICIENT_JOB_SEARCH", 1, 0));
        assertThat(flagged.get(0)).containsEntry("status", "non_compliant");
    }

    @Test
    void areas_the_hub_does_not_know_are_left_out() {
        assertThat(ComplianceObligations.of(List.of("GARDENING"), episode("COMPLIANT", null, 0, 0))).isEmpty();
    }

    private static Map<String, Object> episode(String status, String reason, int applications, int missed) {
        Map<String, Object> row = new HashMap<>();
        row.put("compliance_status", status);
        row.put("non_compliance_reason", reason);
        row.put("minimum_applications", 4);
        row.put("applications_in_period", applications);
        row.put("missed_appointments", missed);
        row.put("training_absences", 0);
        row.put("refused_offers", 0);
        return row;
    }
}
