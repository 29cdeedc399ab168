package org.esphub.simulators.pes;

import java.time.Clock;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.sources.SourceBehaviour;
import org.esphub.simulators.sources.SourceBehaviours;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's labour-market status at PES, the first source of employment-status verification. */
@RestController
@ConditionalOnSimulatorsEnabled
class PesPersonStatusController {

    private final SyntheticPopulation population;
    private final JobseekerRegistry registry;
    private final SourceBehaviours behaviours;
    private final Clock clock = Clock.systemUTC();

    PesPersonStatusController(SyntheticPopulation population, JobseekerRegistry registry, SourceBehaviours behaviours) {
        this.population = population;
        this.registry = registry;
        this.behaviours = behaviours;
    }

    /** As the register has it, unless a behaviour set for the person makes PES down, stale or say otherwise. */
    @GetMapping("/sim/pes/persons/{personId}/status")
    LabourMarketStatus status(@PathVariable String personId) {
        population.get(personId);
        SourceBehaviour behaviour = behaviours.answering(SourceBehaviours.PES, personId);
        Jobseeker jobseeker = registry.latestOf(personId).orElse(null);
        LabourMarketStatus status = LabourMarketStatus.of(personId, jobseeker, behaviour.asOf(clock.instant()));
        if (behaviour.registered() != null && behaviour.registered() != status.registered()) {
            return behaviour.registered() ? LabourMarketStatus.registeredWithoutCase(personId, status.asOf())
                    : LabourMarketStatus.of(personId, null, status.asOf());
        }
        return status;
    }
}
