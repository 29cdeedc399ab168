package org.esphub.hub.subsidies;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.processes.EmploymentSubsidy;

/**
 * One {@code subsidy_application} item as employment-subsidy's start: the variables the model's
 * application sets, the same a subsidy officer's paper application form sets, with the channel
 * {@link EmploymentSubsidy#CHANNEL_API}. The schema has checked every value's type and range.
 */
final class SubsidyApplication {

    private SubsidyApplication() {
    }

    static VariableMap startVariables(JsonNode item, String correlationId) {
        JsonNode job = item.get("job");
        return Variables.createVariables()
                .putValue(EmploymentSubsidy.VAR_REFERENCE_ID, item.get("reference_id").asText())
                .putValue(EmploymentSubsidy.VAR_CORRELATION_ID, correlationId)
                .putValue(EmploymentSubsidy.VAR_PERSON_ID, item.get("person_id").asText())
                .putValue(EmploymentSubsidy.VAR_GIVEN_NAME, item.get("given_name").asText())
                .putValue(EmploymentSubsidy.VAR_FAMILY_NAME, item.get("family_name").asText())
                .putValue(EmploymentSubsidy.VAR_WORKER_AGE, item.get("worker_age").asInt())
                .putValue(EmploymentSubsidy.VAR_WORKER_SEX, item.get("worker_sex").asText())
                .putValue(EmploymentSubsidy.VAR_EMPLOYER_ID, employerOf(item))
                .putValue(EmploymentSubsidy.VAR_EMPLOYER_NAME, item.get("employer_name").asText())
                .putValue(EmploymentSubsidy.VAR_PROGRAMME_CODE, programmeOf(item))
                .putValue(EmploymentSubsidy.VAR_MONTHLY_WAGE, job.get("monthly_wage").asLong())
                .putValue(EmploymentSubsidy.VAR_WEEKLY_HOURS, job.get("weekly_hours").asInt())
                .putValue(EmploymentSubsidy.VAR_CONTRACT_TYPE, job.get("contract_type").asText())
                .putValue(EmploymentSubsidy.VAR_START_DATE, job.get("start_date").asText())
                .putValue(EmploymentSubsidy.VAR_APPLICATION_CHANNEL, EmploymentSubsidy.CHANNEL_API);
    }

    static String employerOf(JsonNode item) {
        return item.get("employer_id").asText();
    }

    static String programmeOf(JsonNode item) {
        return item.get("programme_code").asText();
    }
}
