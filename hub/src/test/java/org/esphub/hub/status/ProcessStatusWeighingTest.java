package org.esphub.hub.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The step hub.weigh-employment-status with the defaults of application.yaml (the standard's weights,
 * tax and social insurance together 0.5, employer 0.3, PES 0.2, and its decay of 0.02 a week).
 */
class ProcessStatusWeighingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ProcessStatusWeighing WEIGHING = new ProcessStatusWeighing(
            new ConfidenceRule(0.75, standardDefaults()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_authority_and_the_employer_agreeing_on_fresh_data_need_no_review() {
        Map<String, Object> verdict = WEIGHING.weigh(findings("NOT_KNOWN", null, "EMPLOYED", "2026-03-01T00:00:00Z",
                "EMPLOYED", "2026-03-02T08:00:00Z"));

        assertThat(verdict).containsEntry("employmentStatus", "EMPLOYED").containsEntry("manualReviewRequired", false);
        assertThat((Double) verdict.get("statusConfidence")).isGreaterThanOrEqualTo(0.75);
        assertThat((String) verdict.get("findingsSummary"))
                .startsWith("tax social insurance: EMPLOYED as of 2026-03-01T00:00:00Z (weight 0.5, freshness 1.0)")
                .contains("employer direct: EMPLOYED", "pes: NOT_KNOWN");
    }

    @Test
    void PES_holding_a_registered_jobseeker_the_others_see_employed_needs_a_review() {
        Map<String, Object> verdict = WEIGHING.weigh(findings("REGISTERED_JOBSEEKER", "2026-03-02T09:00:00Z",
                "EMPLOYED", "2026-02-28T23:59:59Z", "EMPLOYED", "2026-03-02T08:00:00Z"));

        assertThat(verdict).containsEntry("employmentStatus", "EMPLOYED").containsEntry("manualReviewRequired", true)
                .containsEntry("statusConfidence", 0.6);
    }

    @Test
    void a_silent_employer_leaves_the_authority_alone_below_the_threshold() {
        Map<String, Object> verdict = WEIGHING.weigh(findings("NOT_KNOWN", null, "EMPLOYED", "2026-03-01T00:00:00Z",
                null, null));

        assertThat(verdict).containsEntry("statusConfidence", 0.5).containsEntry("manualReviewRequired", true);
        assertThat((String) verdict.get("findingsSummary")).contains("employer direct: no answer (weight 0.3)");
    }

    @Test
    void data_ten_weeks_old_counts_for_80_percent_and_data_older_than_90_days_for_nothing() {
        Map<String, Object> tenWeeks = WEIGHING.weigh(findings(null, null, "NOT_EMPLOYED",
                NOW.minus(Duration.ofDays(70)).toString(), null, null));
        assertThat(tenWeeks).containsEntry("statusConfidence", 0.4);

        Map<String, Object> stale = WEIGHING.weigh(findings(null, null, "NOT_EMPLOYED",
                NOW.minus(Duration.ofDays(91)).toString(), null, null));
        assertThat(stale).containsEntry("employmentStatus", "UNKNOWN").containsEntry("manualReviewRequired", true);
    }

    @Test
    void a_finding_without_a_readable_moment_is_a_fault_not_a_vote() {
        assertThatThrownBy(() -> WEIGHING.weigh(findings("REGISTERED_JOBSEEKER", "yesterday", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
    }

    private static Map<String, Object> findings(String pes, String pesAsOf, String tax, String taxAsOf, String employer,
            String employerAsOf) {
        Map<String, Object> findings = new HashMap<>();
        findings.put("pesFinding", pes);
        findings.put("pesAsOf", pesAsOf);
        findings.put("taxFinding", tax);
        findings.put("taxAsOf", taxAsOf);
        findings.put("employerFinding", employer);
        findings.put("employerAsOf", employerAsOf);
        return findings;
    }

    private static Map<StatusSource, StatusVerificationProperties.Source> standardDefaults() {
        Map<StatusSource, StatusVerificationProperties.Source> sources = new LinkedHashMap<>();
        sources.put(StatusSource.TAX_SOCIAL_INSURANCE,
                new StatusVerificationProperties.Source(0.5, null, Duration.ofDays(90), 0.02));
        sources.put(StatusSource.EMPLOYER_DIRECT,
                new StatusVerificationProperties.Source(0.3, null, Duration.ofDays(90), 0.02));
        sources.put(StatusSource.PES, new StatusVerificationProperties.Source(0.2, null, Duration.ofDays(90), 0.02));
        return sources;
    }
}
