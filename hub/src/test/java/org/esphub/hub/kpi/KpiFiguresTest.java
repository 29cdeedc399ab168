package org.esphub.hub.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods, rates and averages, and the CSV: the arithmetic of the KPIs without a database. */
class KpiFiguresTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:00Z");

    @Test
    void months_run_oldest_first_up_to_the_current_one_and_weeks_start_on_monday() {
        List<Period> months = Granularity.MONTH.periodsUpTo(NOW, 3, ZoneOffset.UTC);
        assertThat(months).extracting(Period::label).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(months.get(2).from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(months.get(2).to()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(months.get(0).to()).isEqualTo(months.get(1).from());

        List<Period> weeks = Granularity.WEEK.periodsUpTo(NOW, 2, ZoneOffset.UTC);
        assertThat(weeks).extracting(Period::label).containsExactly("2026-W49", "2026-W50");
        assertThat(weeks.get(1).from()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(weeks.get(0).from()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void a_granularity_is_named_month_or_week_and_nothing_else() {
        assertThat(Granularity.named("WEEK")).contains(Granularity.WEEK);
        assertThat(Granularity.named("year")).isEmpty();
    }

    @Test
    void a_rate_is_a_percentage_an_average_a_sum_over_a_count_and_no_case_no_value() {
        assertThat(Figure.rate("2026-12", 2, 3).value()).isEqualTo(66.67);
        assertThat(Figure.rate("2026-12", 0, 0).value()).isNull();
        Figure average = Figure.average("2026-12", 7.5, 3);
        assertThat(average.value()).isEqualTo(2.5);
        assertThat(average.numerator()).isEqualTo(7.5);
        assertThat(average.denominator()).isEqualTo(3);
        assertThat(Figure.average("2026-12", 0, 0).value()).isNull();
    }

    @Test
    void the_csv_has_a_row_per_kpi_and_period_with_its_definition_quoted() {
        KpiReport.Series series = KpiReport.Series.of(Kpi.INTAKE_COMPLETION_RATE,
                List.of(Figure.rate("2026-11", 0, 0), Figure.rate("2026-12", 1, 2)));
        KpiReport report = new KpiReport(NOW, "month", "all", List.of("2026-11", "2026-12"), List.of(series),
                new KpiReport.Funnel(List.of(), List.of()));
        String[] lines = KpiCsv.of(report).split("\r\n");
        assertThat(lines[0]).isEqualTo(KpiCsv.HEADER);
        assertThat(lines[1]).startsWith("intake_completion_rate,2026-11,,percent,0,0,all,\"");
        assertThat(lines[2]).startsWith("intake_completion_rate,2026-12,50,percent,1,2,all,\"accepted referrals");
    }

    @Test
    void every_kpi_says_what_it_counts_over_what() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(kpi.numerator()).as(kpi.id()).isNotBlank();
            assertThat(kpi.denominator()).as(kpi.id()).isNotBlank();
            assertThat(kpi.cohort()).as(kpi.id()).isNotBlank();
            assertThat(kpi.id()).matches("[a-z0-9_]+");
        }
    }
}
