package org.esphub.hub.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.calendar}: the time zone working-day deadlines are computed in, and the public
 * holidays on which no deadline falls (a YAML list or, from the environment, comma-separated).
 */
@ConfigurationProperties("esp.calendar")
public record CalendarProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue List<LocalDate> publicHolidays) {
}
