package org.esphub.hub.kpi;

import java.util.Locale;

/** The report as CSV for a spreadsheet: one row per KPI and period, with its definition. */
final class KpiCsv {

    static final String HEADER = "kpi,period,value,unit,numerator,denominator,region,definition_numerator,"
            + "definition_denominator";

    private KpiCsv() {
    }

    static String of(KpiReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (KpiReport.Series series : report.kpis()) {
            for (Figure figure : series.figures()) {
                csv.append(series.id()).append(',').append(figure.period()).append(',')
                        .append(figure.value() == null ? "" : number(figure.value())).append(',')
                        .append(series.unit()).append(',').append(number(figure.numerator())).append(',')
                        .append(figure.denominator()).append(',').append(report.region()).append(',')
                        .append(quoted(series.numerator())).append(',').append(quoted(series.denominator()))
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** RFC 4180: every definition quoted, quotes doubled. */
    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
