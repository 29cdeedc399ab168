package org.esphub.simulators.pes;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer to a registration: just enough for the hub to continue the referral. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegistrationReceipt(
        String caseNumber,
        String personId,
        String referenceId,
        String status,
        Instant registeredAt) {

    static RegistrationReceipt of(Jobseeker jobseeker) {
        return new RegistrationReceipt(jobseeker.caseNumber(), jobseeker.personId(), jobseeker.referenceId(),
                jobseeker.status(), jobseeker.registeredAt());
    }
}
