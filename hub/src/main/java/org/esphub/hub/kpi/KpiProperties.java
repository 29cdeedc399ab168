package org.esphub.hub.kpi;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Oversight KPIs ({@code esp.kpi}).
 *
 * @param refreshInterval how often the Prometheus gauges are computed again; a scrape only reads them, so
 *        a scraper polling every few seconds costs the database nothing
 * @param initialDelay    when the gauges are first computed after the start (not while the hub boots)
 * @param defaultPeriods  periods {@code /api/kpis} reports when the caller names none (the current one included)
 * @param maxPeriods      the most periods one request may ask for: every period is a set of bounded queries
 * @param zone            where a month or a week begins
 */
@ConfigurationProperties("esp.kpi")
public record KpiProperties(
        @DefaultValue("PT5M") Duration refreshInterval,
        @DefaultValue("PT30S") Duration initialDelay,
        @DefaultValue("6") int defaultPeriods,
        @DefaultValue("24") int maxPeriods,
        @DefaultValue("UTC") ZoneId zone) {
}
