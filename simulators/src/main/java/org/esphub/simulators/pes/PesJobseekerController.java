package org.esphub.simulators.pes;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.SimulatorProperties;
import org.esphub.simulators.population.Person;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** PES jobseeker registration, the step the hub's referral process calls. */
@RestController
@RequestMapping("/sim/pes/jobseekers")
@ConditionalOnSimulatorsEnabled
class PesJobseekerController {

    private final RegistrationValidator validator;
    private final JobseekerRegistry registry;
    private final RegistrationConfirmer confirmer;
    private final boolean autoConfirm;

    PesJobseekerController(RegistrationValidator validator, JobseekerRegistry registry,
                           RegistrationConfirmer confirmer, SimulatorProperties properties) {
        this.validator = validator;
        this.registry = registry;
        this.confirmer = confirmer;
        this.autoConfirm = properties.pes().autoConfirm();
    }

    /** 201 for a new case, 200 with the same case for a repeated request. */
    @PostMapping
    ResponseEntity<RegistrationReceipt> register(
            @RequestBody RegistrationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        Person person = validator.validate(request);
        Registration registration = registry.register(request, person, idempotencyKey, correlationId);
        if (autoConfirm) {
            confirmer.confirmOnce(registration.jobseeker());
        }
        return ResponseEntity
                .status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(RegistrationReceipt.of(registration.jobseeker()));
    }

    @GetMapping
    List<Jobseeker> jobseekers() {
        return registry.all();
    }

    /** How many registrations arrived, and how many were repeats or second cases (failure tests). */
    @GetMapping("/counts")
    RegistrationCounts counts() {
        return registry.counts();
    }

    @GetMapping("/{caseNumber}")
    Jobseeker jobseeker(@PathVariable String caseNumber) {
        return registry.find(caseNumber).orElseThrow(() -> new UnknownCaseException(caseNumber));
    }
}
