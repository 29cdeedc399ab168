package org.esphub.hub.compliance;

import static org.esphub.processes.ActivationCompliance.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annex's compliance areas as the companion's obligations (CD.EMPL.10 obligation types), with what
 * the episode counted and what its last assessment found: an area is {@code non_compliant} when the
 * last assessment found non-compliance for it, {@code pending} before any assessment (and job search
 * while the period's applications are short of the minimum: the periodic review judges them), else
 * {@code compliant}. Only counts reach SA, never the evidence itself.
 */
public final class ComplianceObligations {

    /** area → CD.EMPL.10 obligation type, requirement, the counter shown, the non-compliance reason that flags it. */
    private record Obligation(String type, String requirement, String counterField, String counterColumn,
            String reason) {
    }

    private static final Map<String, Obligation> BY_AREA = Map.of(
            AREA_WORK_SEARCH, new Obligation("job_search", "minimum_%d_applications_per_period",
                    "applications_in_period", "applications_in_period", REASON_INSUFFICIENT_JOB_SEARCH),
            AREA_APPOINTMENT_ATTENDANCE, new Obligation("pes_appointments", "attend_every_pes_appointment",
                    "missed_appointments", "missed_appointments", REASON_MISSED_APPOINTMENTS),
            AREA_PROGRAM_PARTICIPATION, new Obligation("training_participation", "attend_the_training_sessions",
                    "training_absences", "training_absences", REASON_TRAINING_NON_ATTENDANCE),
            AREA_JOB_ACCEPTANCE, new Obligation("work_availability", "accept_suitable_job_offers", "refused_offers",
                    "refused_offers", REASON_OFFER_REFUSED));

    private ComplianceObligations() {
    }

    /**
     * @param areas the areas monitored, in order
     * @param episode the episode's row of {@code esp_compliance_episode} (columns by name)
     */
    public static List<Map<String, Object>> of(List<String> areas, Map<String, Object> episode) {
        String status = String.valueOf(episode.get("compliance_status"));
        Object flagged = episode.get("non_compliance_reason");
        Object minimum = episode.get("minimum_applications");
        List<Map<String, Object>> obligations = new ArrayList<>();
        for (String area : areas) {
            Obligation obligation = BY_AREA.get(area);
            if (obligation == null) {
                continue;
            }
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("obligation_type", obligation.type());
            shown.put("compliance_area", area);
            shown.put("requirement", obligation.requirement().contains("%d")
                    ? String.format(obligation.requirement(), minimum instanceof Number n ? n.intValue() : 0)
                    : obligation.requirement());
            Object count = episode.get(obligation.counterColumn());
            boolean shortOfApplications = AREA_WORK_SEARCH.equals(area) && minimum instanceof Number n
                    && (count instanceof Number c ? c.intValue() : 0) < n.intValue();
            // applications are judged at the periodic review: short of them mid-period is not yet a finding
            shown.put("status", RESULT_NON_COMPLIANT.equals(status) && obligation.reason().equals(flagged)
                    ? "non_compliant" : EpisodeStates.PENDING.equals(status) || shortOfApplications ? "pending"
                            : "compliant");
            shown.put(obligation.counterField(), count instanceof Number n ? n.intValue() : 0);
            obligations.add(shown);
        }
        return obligations;
    }
}
