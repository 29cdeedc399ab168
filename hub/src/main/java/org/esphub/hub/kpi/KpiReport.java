package org.esphub.hub.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The KPIs over consecutive periods, as {@code /api/kpis} hands them out.
 *
 * @param region where the figures come from: {@code all}, as no referral names a region or office (ADR 0049)
 */
public record KpiReport(Instant computedAt, String granularity, String region, List<String> periods,
        List<Series> kpis, Funnel funnel) {

    /** One KPI with its definition and one figure per period, oldest first. */
    public record Series(String id, String title, String unit, String numerator, String denominator, String cohort,
            String source, String target, List<Figure> figures) {

        static Series of(Kpi kpi, List<Figure> figures) {
            return new Series(kpi.id(), kpi.title(), kpi.unit().label(), kpi.numerator(), kpi.denominator(),
                    kpi.cohort(), kpi.source(), kpi.target(), figures);
        }

        /** The figure of the latest period. */
        public Figure latest() {
            return figures.get(figures.size() - 1);
        }
    }

    /** Referrals of all the report's periods, by the furthest stage they reached. */
    public record Funnel(List<String> stages, List<Long> referrals) {
    }
}
