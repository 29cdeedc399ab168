package org.esphub.simulators.tax;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.population.UnknownPersonException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The social-insurance and health authority's work-capacity clearance (PRS.EMPL.06): its medical service
 * records an assessment (PUT, the demo's stand-in for the examination), the hub reads it (GET). The answer
 * carries the diagnosis, so that the hub's gate is seen to drop it.
 */
@RestController
@RequestMapping("/sim/tax/persons/{personId}/work-capacity")
@ConditionalOnSimulatorsEnabled
class WorkCapacityController {

    private final WorkCapacityAssessments assessments;

    WorkCapacityController(WorkCapacityAssessments assessments) {
        this.assessments = assessments;
    }

    /** 200 the assessment with the diagnosis; 404 {@code person.unknown} when the person was never assessed. */
    @GetMapping
    WorkCapacityAssessment clearance(@PathVariable String personId) {
        return assessments.of(personId).orElseThrow(() -> new UnknownPersonException(personId));
    }

    /** 200 the recorded assessment; 400 {@code request.invalid}. */
    @PutMapping
    WorkCapacityAssessment assess(@PathVariable String personId, @RequestBody WorkCapacityAssessment assessment) {
        return assessments.assess(personId, assessment);
    }
}
