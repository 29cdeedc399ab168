package org.esphub.simulators.tax;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Social insurance for employment subsidies (PRS.EMPL.08): an employer's standing and the monthly
 * compliance report of a subsidised job, and whether the employer registered the worker; a tester sets the
 * standing and declares subsidised workers.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class TaxSubsidyController {

    private final EmployerCompliance compliance;

    TaxSubsidyController(EmployerCompliance compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/sim/tax/employers/{employerId}/standing")
    Map<String, Object> standing(@PathVariable String employerId) {
        return compliance.standingOf(employerId);
    }

    /** {@code {"contributions_paid": false, "open_violations": 1, "outstanding_obligations": "..."}} */
    @PutMapping("/sim/tax/employers/{employerId}/standing")
    Map<String, Object> setStanding(@PathVariable String employerId, @RequestBody Map<String, Object> standing) {
        return compliance.setStanding(employerId, standing);
    }

    /** What a declared worker looks like on the wire. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WorkerDeclaration(LocalDate startDate, Long monthlyWage, Integer leftInMonth, Set<Integer> unregisteredMonths,
            Set<Integer> unpaidMonths) {
    }

    /** Declares a subsidised worker: start date, wage, and optionally the month they leave and months not met. */
    @PutMapping("/sim/tax/employers/{employerId}/subsidised-workers/{personId}")
    EmployerCompliance.SubsidisedWorker declare(@PathVariable String employerId, @PathVariable String personId,
            @RequestBody WorkerDeclaration declaration) {
        return compliance.declare(new EmployerCompliance.SubsidisedWorker(employerId, personId, declaration.startDate(),
                declaration.monthlyWage() == null ? 0 : declaration.monthlyWage(), declaration.leftInMonth(),
                declaration.unregisteredMonths() == null ? Set.of() : declaration.unregisteredMonths(),
                declaration.unpaidMonths() == null ? Set.of() : declaration.unpaidMonths()));
    }

    /**
     * The worker's registration by this employer: {@code {"employer_id", "person_id"}} in, the job's spell out;
     * 404 when this employer registered no such worker, whoever else employs them.
     */
    @PostMapping("/sim/tax/employer-registrations")
    @ResponseStatus(HttpStatus.OK)
    Map<String, Object> registration(@RequestBody Map<String, Object> query) {
        return compliance.registrationBy(query);
    }

    @GetMapping("/sim/tax/subsidised-workers")
    List<EmployerCompliance.SubsidisedWorker> workers() {
        return compliance.workers();
    }

    /** The month's report: {@code {"employer_id", "person_id", "subsidy_month"}} in, the four facts out. */
    @PostMapping("/sim/tax/subsidy-compliance-reports")
    @ResponseStatus(HttpStatus.OK)
    Map<String, Object> report(@RequestBody Map<String, Object> query) {
        return compliance.report(query);
    }
}
