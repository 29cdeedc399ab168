package org.esphub.simulators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code esp.simulators.*}.
 *
 * @param enabled        switches all simulators on; read by {@link ConditionalOnSimulatorsEnabled}
 * @param seed           seed of the synthetic population; same seed, same people
 * @param populationSize number of persons, the five demo personas included (at least 5)
 * @param sa             Social Assistance simulator settings
 * @param pes            Public Employment Service simulator settings
 * @param tax            tax / social-insurance authority simulator settings
 */
@ConfigurationProperties("esp.simulators")
public record SimulatorProperties(
        boolean enabled,
        @DefaultValue("20261125") long seed,
        @DefaultValue("5000") int populationSize,
        @DefaultValue Sa sa,
        @DefaultValue Pes pes,
        @DefaultValue Tax tax) {

    /**
     * @param notificationCapacity how many received notifications are kept; the oldest are dropped
     */
    public record Sa(@DefaultValue("10000") int notificationCapacity) {
    }

    /**
     * @param autoConfirm emit {@code RegistrationConfirmed} right after each new registration;
     *                    switch off to confirm by hand through {@code POST /sim/pes/events}
     */
    public record Pes(@DefaultValue("true") boolean autoConfirm) {
    }

    /**
     * @param currency ISO 4217 code of the incomes the authority records
     */
    public record Tax(@DefaultValue("EUR") String currency) {
    }
}
