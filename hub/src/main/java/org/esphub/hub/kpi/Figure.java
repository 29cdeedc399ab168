package org.esphub.hub.kpi;

/**
 * One KPI in one period: what was counted (or summed) over how many cases. A rate is
 * {@code 100 * numerator / denominator} percent, an average {@code numerator / denominator}; no
 * case, no value (null), never a misleading 0.
 */
public record Figure(String period, Double value, double numerator, long denominator) {

    static Figure rate(String period, long numerator, long denominator) {
        return new Figure(period, denominator == 0 ? null : round(100.0 * numerator / denominator), numerator,
                denominator);
    }

    static Figure average(String period, double total, long count) {
        return new Figure(period, count == 0 ? null : round(total / count), round(total), count);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
