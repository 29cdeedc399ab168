package org.esphub.hub.engine;

import java.time.Clock;
import org.esphub.processes.WorkingCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the process models call by name in expressions, configured from {@code esp.calendar}. */
@Configuration(proxyBeanMethods = false)
public class EngineSupportConfiguration {

    /** {@code ${workingCalendar.addWorkingDays(...)}} in the models: deadlines in working days. */
    @Bean
    WorkingCalendar workingCalendar(CalendarProperties calendar) {
        return new WorkingCalendar(calendar.publicHolidays(), calendar.zone());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
