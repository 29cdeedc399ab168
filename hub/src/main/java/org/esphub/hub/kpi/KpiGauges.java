package org.esphub.hub.kpi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The KPIs of the current month as Prometheus gauges: {@code esp_kpi_value{kpi="..."}} (percent, hours
 * or seconds, see the {@code unit} tag) and {@code esp_kpi_cases{kpi="..."}} (the denominator). They are
 * computed every {@code esp.kpi.refresh-interval}, not on each scrape; a KPI with no case this month has
 * no value series (rather than a misleading 0).
 */
@Component
public class KpiGauges {

    public static final String VALUE = "esp.kpi.value";
    public static final String CASES = "esp.kpi.cases";
    private static final Logger LOG = LoggerFactory.getLogger(KpiGauges.class);

    private final KpiCalculator calculator;
    private final MultiGauge values;
    private final MultiGauge cases;

    public KpiGauges(KpiCalculator calculator, MeterRegistry meters) {
        this.calculator = calculator;
        this.values = MultiGauge.builder(VALUE).description("Oversight KPI of the current month (unit in the tag)")
                .register(meters);
        this.cases = MultiGauge.builder(CASES).description("Cases the oversight KPI of the current month counts")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${esp.kpi.initial-delay:PT30S}", fixedDelayString = "${esp.kpi.refresh-interval:PT5M}")
    public void refresh() {
        try {
            KpiReport report = calculator.report(Granularity.MONTH, 1);
            List<MultiGauge.Row<?>> valueRows = new ArrayList<>();
            List<MultiGauge.Row<?>> caseRows = new ArrayList<>();
            for (KpiReport.Series series : report.kpis()) {
                Figure figure = series.latest();
                Tags tags = Tags.of("kpi", series.id(), "unit", series.unit(), "region", report.region());
                if (figure.value() != null) {
                    valueRows.add(MultiGauge.Row.of(tags, figure.value()));
                }
                caseRows.add(MultiGauge.Row.of(tags, figure.denominator()));
            }
            values.register(valueRows, true);
            cases.register(caseRows, true);
        } catch (RuntimeException e) {
            // the last figures stay; the next run tries again
            LOG.warn("Oversight KPIs not refreshed: {}", e.toString());
        }
    }
}
