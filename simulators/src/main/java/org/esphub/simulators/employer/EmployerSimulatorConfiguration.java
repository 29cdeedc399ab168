package org.esphub.simulators.employer;

import java.time.Clock;
import java.util.List;
import org.esphub.simulators.ReceivedInstructions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.AgencyBrokerLogins;
import org.esphub.simulators.SimulatorProperties;
import org.esphub.simulators.tax.ContributionRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The employers simulator: candidate proposals, employers' decisions, hires and their declarations to the tax
 * authority, accommodations for returning workers, and the corrections of data an employer received.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import({EmployerController.class, EmployerEventController.class, EmploymentConfirmationController.class,
        SubsidyNoticeController.class, AccommodationController.class, RectificationNoticeController.class})
public class EmployerSimulatorConfiguration {

    @Bean
    ProposalRegister employerProposalRegister() {
        return new ProposalRegister(Clock.systemUTC());
    }

    @Bean
    HireDeclarations employerHireDeclarations(ContributionRegister taxRegister, SimulatorProperties properties) {
        return new HireDeclarations(taxRegister, properties.employer().declareInsuredEmployment(),
                properties.employer().defaultMonthlyWage());
    }

    @Bean
    EmployerEventPublisher employerEventPublisher(AgencyBrokerLogins logins, SimulatorProperties properties,
            ObjectMapper objectMapper) {
        return new EmployerEventPublisher(logins.senderFor(properties.brokerUsers().employer()), objectMapper, Clock.systemUTC());
    }

    @Bean
    ReceivedInstructions employerSubsidyNotices() {
        return new ReceivedInstructions("NOTICE", List.of("reference_id", "employer_id", "outcome"), Clock.systemUTC());
    }

    @Bean
    ReceivedInstructions employerAccommodationRequests() {
        return new ReceivedInstructions("ACCOMMODATION", List.of("reference_id", "employer_id", "person_id"),
                Clock.systemUTC());
    }

    @Bean
    AccommodationAnswers employerAccommodationAnswers() {
        return new AccommodationAnswers();
    }

    /** Corrections of a person's data the employers received (PERSON_DATA_RECTIFIED), per employer. */
    @Bean
    ReceivedInstructions employerRectificationNotices() {
        return new ReceivedInstructions("RECTIFICATION", List.of("reference_id", "employer_id", "field", "new_value"),
                Clock.systemUTC());
    }

    /** The webhook events of the employer's subsidy subscription, as they arrived. */
    @Bean
    ReceivedInstructions employerSubsidyEvents() {
        return new ReceivedInstructions("EVENT", List.of("reference_id", "event_type"), Clock.systemUTC());
    }
}
