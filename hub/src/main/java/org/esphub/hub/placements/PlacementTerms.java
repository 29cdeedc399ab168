package org.esphub.hub.placements;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.esphub.processes.JobPlacement;

/**
 * The annex's words for a job (DO.EMPL.04 {@code job_details}) in job-placement's variables. The
 * annex names an employment type, not a contract: FULL_TIME and PART_TIME are taken as open-ended
 * (permanent) contracts, TEMPORARY and CONTRACT as fixed-term ones. The annex gives no weekly
 * hours, so they stay unknown (null) until an update names them.
 */
final class PlacementTerms {

    private PlacementTerms() {
    }

    /** A case of its own (pes-reported-placement): the placement's ids and its job. */
    static Map<String, Object> startVariables(JsonNode item, String correlationId) {
        Map<String, Object> variables = jobVariables(item);
        variables.put(JobPlacement.VAR_REFERENCE_ID, item.get("reference_id").asText());
        variables.put(JobPlacement.VAR_PERSON_ID, item.get("person_id").asText());
        variables.put(JobPlacement.VAR_CORRELATION_ID, correlationId);
        return variables;
    }

    /** The job alone, for a referral's placement search that takes it: the referral keeps its own ids. */
    static Map<String, Object> jobVariables(JsonNode item) {
        JsonNode job = item.path("job_details");
        Map<String, Object> variables = new HashMap<>();
        variables.put(JobPlacement.VAR_EMPLOYER_ID, job.path("employer_id").asText(null));
        variables.put(JobPlacement.VAR_JOB_TITLE, job.path("job_title").asText(null));
        variables.put(JobPlacement.VAR_START_DATE, job.path("start_date").asText(null));
        variables.put(JobPlacement.VAR_MONTHLY_WAGE, wage(job.path("monthly_salary")));
        variables.put(JobPlacement.VAR_CONTRACT_TYPE, contractOf(job.path("employment_type").asText(null)));
        variables.put(JobPlacement.VAR_HOURS_PER_WEEK, null);
        variables.put(JobPlacement.VAR_CONTRACT_MONTHS, null);
        variables.put(JobPlacement.VAR_VACANCY_ID, null);
        return variables;
    }

    /** The annex's Amount is a decimal string ("1800.00"); absent stays unknown. */
    static Double wage(JsonNode amount) {
        return amount.isMissingNode() || amount.isNull() ? null : Double.valueOf(amount.asText());
    }

    static String contractOf(String employmentType) {
        if (employmentType == null) {
            return null;
        }
        return switch (employmentType) {
            case "TEMPORARY", "CONTRACT" -> JobPlacement.CONTRACT_FIXED_TERM;
            default -> JobPlacement.CONTRACT_PERMANENT;
        };
    }
}
