package org.esphub.hub.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PRS.EMPL.02's confidence rule with the hub's default weights and freshness windows. */
class ConfidenceRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final ConfidenceRule RULE = new ConfidenceRule(defaults());

    @Test
    void fresh_insured_employment_alone_just_reaches_the_threshold() {
        StatusVerdict verdict = RULE.decide(findings(tax(SourceObservation.EMPLOYED, 20), pes(SourceObservation.NOT_KNOWN, 0)), NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("EMPLOYED");
        assertThat(verdict.confidence()).isEqualTo(0.75);
        assertThat(verdict.manualReviewRequired()).isFalse();
    }

    @Test
    void two_fresh_sources_that_agree_are_certain() {
        StatusVerdict verdict = RULE.decide(findings(tax(SourceObservation.NOT_EMPLOYED, 20),
                pes(SourceObservation.REGISTERED_JOBSEEKER, 1)), NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("UNEMPLOYED");
        assertThat(verdict.confidence()).isEqualTo(1.0);
        assertThat(verdict.manualReviewRequired()).isFalse();
    }

    @Test
    void a_contradiction_pulls_the_verdict_below_the_threshold() {
        StatusVerdict verdict = RULE.decide(findings(tax(SourceObservation.EMPLOYED, 20),
                pes(SourceObservation.REGISTERED_JOBSEEKER, 1)), NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("EMPLOYED");
        assertThat(verdict.confidence()).isEqualTo(0.5);
        assertThat(verdict.manualReviewRequired()).isTrue();
    }

    @Test
    void ageing_data_counts_half_and_stale_data_nothing() {
        StatusVerdict ageing = RULE.decide(findings(tax(SourceObservation.EMPLOYED, 60), pes(SourceObservation.NOT_KNOWN, 0)), NOW);
        StatusVerdict stale = RULE.decide(findings(tax(SourceObservation.EMPLOYED, 200), pes(SourceObservation.NOT_KNOWN, 0)), NOW);

        assertThat(ageing.confidence()).isEqualTo(0.38);
        assertThat(ageing.manualReviewRequired()).isTrue();
        assertThat(ageing.sources().get(0).freshness()).isEqualTo(0.5);
        assertThat(stale.employmentStatus()).isEqualTo("UNKNOWN");
        assertThat(stale.confidence()).isZero();
        assertThat(stale.manualReviewRequired()).isTrue();
    }

    @Test
    void not_employed_and_unknown_to_pes_is_inactive() {
        StatusVerdict verdict = RULE.decide(findings(tax(SourceObservation.NOT_EMPLOYED, 20), pes(SourceObservation.NOT_KNOWN, 0)), NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("INACTIVE");
        assertThat(verdict.confidence()).isEqualTo(0.75);
    }

    @Test
    void when_pes_could_not_be_asked_not_employed_is_unknown_and_needs_review() {
        Map<StatusSource, SourceObservation> onlyTax = new EnumMap<>(StatusSource.class);
        onlyTax.put(StatusSource.TAX_SOCIAL_INSURANCE, tax(SourceObservation.NOT_EMPLOYED, 20));

        StatusVerdict verdict = RULE.decide(onlyTax, NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("UNKNOWN");
        assertThat(verdict.confidence()).isEqualTo(0.75);
        assertThat(verdict.manualReviewRequired()).isTrue();
        assertThat(verdict.sources()).extracting(StatusVerdict.Weighing::answered).containsExactly(true, false);
    }

    @Test
    void pes_alone_never_suffices() {
        Map<StatusSource, SourceObservation> onlyPes = new EnumMap<>(StatusSource.class);
        onlyPes.put(StatusSource.PES, pes(SourceObservation.REGISTERED_JOBSEEKER, 1));

        StatusVerdict verdict = RULE.decide(onlyPes, NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("UNEMPLOYED");
        assertThat(verdict.confidence()).isEqualTo(0.25);
        assertThat(verdict.manualReviewRequired()).isTrue();
    }

    @Test
    void nothing_known_is_unknown_with_no_confidence() {
        StatusVerdict verdict = RULE.decide(Map.of(), NOW);

        assertThat(verdict.employmentStatus()).isEqualTo("UNKNOWN");
        assertThat(verdict.confidence()).isZero();
        assertThat(verdict.manualReviewRequired()).isTrue();
    }

    private static Map<StatusSource, SourceObservation> findings(SourceObservation tax, SourceObservation pes) {
        Map<StatusSource, SourceObservation> findings = new EnumMap<>(StatusSource.class);
        findings.put(StatusSource.TAX_SOCIAL_INSURANCE, tax);
        findings.put(StatusSource.PES, pes);
        return findings;
    }

    private static SourceObservation tax(String finding, int daysOld) {
        return new SourceObservation(StatusSource.TAX_SOCIAL_INSURANCE, finding, NOW.minus(Duration.ofDays(daysOld)),
                "Harbour Logistics Ltd", LocalDate.of(2025, 1, 6), "FULL_TIME", "1450.00", "EUR", null, null, null);
    }

    private static SourceObservation pes(String finding, int daysOld) {
        return SourceObservation.pes(finding, NOW.minus(Duration.ofDays(daysOld)), "PES-2026-000001",
                List.of("JOB_SEARCH_ASSISTANCE"), "PENDING");
    }

    /** The defaults of application.yaml, in its order. */
    static StatusVerificationProperties defaults() {
        Map<StatusSource, StatusVerificationProperties.Source> sources = new LinkedHashMap<>();
        sources.put(StatusSource.TAX_SOCIAL_INSURANCE,
                new StatusVerificationProperties.Source(0.75, Duration.ofDays(45), Duration.ofDays(120)));
        sources.put(StatusSource.PES, new StatusVerificationProperties.Source(0.25, Duration.ofDays(31), Duration.ofDays(93)));
        return new StatusVerificationProperties(0.75, Duration.ofHours(6), 2000, sources);
    }
}
