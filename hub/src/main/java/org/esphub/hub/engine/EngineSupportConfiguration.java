package org.esphub.hub.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.esphub.processes.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the process models call by name in expressions, configured from {@code esp.calendar}. */
@Configuration(proxyBeanMethods = false)
public class EngineSupportConfiguration {

    /** {@code ${workingCalendar.addWorkingDays(...)}} in the models: deadlines in working days. */
    @Bean
    WorkingCalendar workingCalendar(@Value("${esp.calendar.public-holidays:}") List<LocalDate> publicHolidays,
            @Value("${esp.calendar.zone}") ZoneId zone) {
        return new WorkingCalendar(publicHolidays, zone);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
