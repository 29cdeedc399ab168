package org.esphub.simulators.tax;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.esphub.simulators.InvalidRequestException;

/** The authority's work-capacity assessments, one per person, the latest replacing the one before. */
public class WorkCapacityAssessments {

    static final Set<String> CAPACITIES = Set.of("FULL", "PARTIAL", "CHANGED", "NONE");

    private final Map<String, WorkCapacityAssessment> byPerson = new ConcurrentHashMap<>();
    private final Clock clock;

    public WorkCapacityAssessments(Clock clock) {
        this.clock = clock;
    }

    /** Records an assessment; a partial capacity needs its hours, as the hub plans the graded return with them. */
    public WorkCapacityAssessment assess(String personId, WorkCapacityAssessment assessment) {
        if (assessment.workCapacity() == null || !CAPACITIES.contains(assessment.workCapacity())) {
            throw new InvalidRequestException("request.invalid", "work_capacity must be one of " + CAPACITIES + ".");
        }
        Integer hours = assessment.capacityHoursPerWeek();
        if ("PARTIAL".equals(assessment.workCapacity()) && (hours == null || hours < 1 || hours > 60)) {
            throw new InvalidRequestException("request.invalid",
                    "a PARTIAL capacity needs capacity_hours_per_week between 1 and 60.");
        }
        WorkCapacityAssessment recorded = new WorkCapacityAssessment(personId, assessment.workCapacity(), hours,
                assessment.workRestrictions(), assessment.diagnosis(), assessment.icd10Code(), clock.instant());
        byPerson.put(personId, recorded);
        return recorded;
    }

    public Optional<WorkCapacityAssessment> of(String personId) {
        return Optional.ofNullable(byPerson.get(personId));
    }
}
