package org.esphub.simulators.employer;

import java.time.Clock;
import java.time.LocalDate;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.sources.SourceBehaviour;
import org.esphub.simulators.sources.SourceBehaviours;
import org.esphub.simulators.tax.ContributionRegister;
import org.esphub.simulators.tax.InsuredEmployment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Employer-direct confirmation, the third source of employment-status verification: does an employer
 * confirm employing the person today? The simulated employers know what they declared to the tax
 * authority (so they agree with its record, but a month earlier: they know today's hires), unless a
 * behaviour set for the person says otherwise, makes them stale or down.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class EmploymentConfirmationController {

    private final ContributionRegister taxRegister;
    private final SourceBehaviours behaviours;
    private final Clock clock = Clock.systemUTC();

    EmploymentConfirmationController(ContributionRegister taxRegister, SourceBehaviours behaviours) {
        this.taxRegister = taxRegister;
        this.behaviours = behaviours;
    }

    @GetMapping("/sim/employer/persons/{personId}/employment")
    EmploymentConfirmation employment(@PathVariable String personId) {
        SourceBehaviour behaviour = behaviours.answering(SourceBehaviours.EMPLOYER, personId);
        LocalDate today = behaviour.asOf(LocalDate.now(clock));
        InsuredEmployment open = taxRegister.recordOf(personId).employments().stream()
                .filter(spell -> spell.openOn(today))
                .reduce((first, second) -> second)
                .orElse(null);
        boolean employed = behaviour.employed() != null ? behaviour.employed() : open != null;
        return new EmploymentConfirmation(personId, employed, employed && open != null ? open.employerName() : null,
                employed && open != null ? open.startDate() : null, behaviour.asOf(clock.instant()));
    }
}
