package org.esphub.hub.kpi;

/**
 * One KPI in one period: what was counted (or summed) over how many cases. A rate is
 * {@code 100 * numerator / denominator} percent, an average {@code numerator / denominator}; no
 * case, no value (null), never a misleading 0.
 */
public record Figure(String period, Double value, double numerator, long denominator) {

    static Figure rate(String period, long numerator, long denominator) {
        return new Figure(period, denominator == 0 ? null : round(100.0 * numerator / denominator, 100), numerator,
                denominator);
    }

    static Figure average(String period, double total, long count) {
        // 4 decimals: minutes of a referral still show in hours
        return new Figure(period, count == 0 ? null : round(total / count, 10_000), round(total, 10_000), count);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
