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
 * @param employer       employer (vacancies, hires) simulator settings
 * @param brokerUsers    the broker user each simulated agency logs in as to send its events
 *                       (sa, pes, tvet, employer); the hub's own connection where none is set
 */
@ConfigurationProperties("esp.simulators")
public record SimulatorProperties(
        boolean enabled,
        @DefaultValue("20261125") long seed,
        @DefaultValue("5000") int populationSize,
        @DefaultValue Sa sa,
        @DefaultValue Pes pes,
        @DefaultValue Tax tax,
        @DefaultValue Employer employer,
        @DefaultValue BrokerUsers brokerUsers) {

    /** The broker login of each simulated agency; any may be missing. */
    public record BrokerUsers(BrokerLogin sa, BrokerLogin pes, BrokerLogin tvet, BrokerLogin employer) {
    }

    /** A broker user name and its password. */
    public record BrokerLogin(String user, String password) {
    }

    /**
     * @param notificationCapacity       how many received notifications are kept; the oldest are dropped
     * @param autoDecideTrainingBenefits approve each new training-benefit request at once (event
     *                                   {@code TrainingBenefitDecided}); switch off to decide by hand
     *                                   through {@code POST /sim/sa/training-benefit-requests/{id}/decision}
     */
    public record Sa(@DefaultValue("10000") int notificationCapacity,
                     @DefaultValue("true") boolean autoDecideTrainingBenefits) {
    }

    /**
     * @param autoConfirm          emit {@code RegistrationConfirmed} right after each new registration;
     *                             switch off to confirm by hand through {@code POST /sim/pes/events}
     * @param notificationCapacity how many received notifications are kept; the oldest are dropped
     */
    public record Pes(@DefaultValue("true") boolean autoConfirm,
                      @DefaultValue("10000") int notificationCapacity) {
    }

    /**
     * @param currency ISO 4217 code of the incomes the authority records
     */
    public record Tax(@DefaultValue("EUR") String currency) {
    }

    /**
     * @param declareInsuredEmployment on {@code PlacementReported} declare the hire to the tax
     *                                 simulator's register (and end the spell on {@code EmploymentEnded}),
     *                                 as an employer's contribution declaration would; switch off to
     *                                 see a placement the authority never confirms
     * @param defaultMonthlyWage       declared monthly income when neither the employer's decision nor
     *                                 the placement report named a wage (decimal such as {@code 1200.00})
     */
    public record Employer(@DefaultValue("true") boolean declareInsuredEmployment,
                           @DefaultValue("1200.00") String defaultMonthlyWage) {
    }
}
