package org.esphub.simulators.pes;

import java.time.Clock;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's labour-market status at PES, the first source of employment-status verification. */
@RestController
@ConditionalOnSimulatorsEnabled
class PesPersonStatusController {

    private final SyntheticPopulation population;
    private final JobseekerRegistry registry;
    private final Clock clock = Clock.systemUTC();

    PesPersonStatusController(SyntheticPopulation population, JobseekerRegistry registry) {
        this.population = population;
        this.registry = registry;
    }

    @GetMapping("/sim/pes/persons/{personId}/status")
    LabourMarketStatus status(@PathVariable String personId) {
        population.get(personId);
        return LabourMarketStatus.of(personId, registry.latestOf(personId).orElse(null), clock.instant());
    }
}
