package org.esphub.hub.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.esphub.processes.TrainingEnrolment;

/**
 * One {@code training_request} item of the annex as training-enrolment's start: its contract's
 * variables, and what the item asks for under the names the programme choice form reads, so the
 * counsellor's choice opens with the requested programme and benefits filled in. The programme's
 * provider and start date are not in the annex's item; the counsellor settles them from the
 * provider's catalogue, as in a referral's training.
 */
final class TrainingRequest {

    private TrainingRequest() {
    }

    static VariableMap startVariables(JsonNode item, String correlationId, String unnamed) {
        String personId = item.get("person_id").asText();
        VariableMap variables = Variables.createVariables()
                .putValue(TrainingEnrolment.VAR_REFERENCE_ID, item.get("reference_id").asText())
                .putValue(TrainingEnrolment.VAR_PERSON_ID, personId)
                .putValue(TrainingEnrolment.VAR_CORRELATION_ID, correlationId)
                .putValue(TrainingEnrolment.VAR_GIVEN_NAME, unnamed)
                .putValue(TrainingEnrolment.VAR_FAMILY_NAME, personId);
        JsonNode programme = item.path("training_program");
        if (programme.hasNonNull("program_id")) {
            variables.putValue(TrainingEnrolment.VAR_PROGRAMME_ID, programme.get("program_id").asText());
        }
        if (programme.hasNonNull("program_name")) {
            variables.putValue(TrainingEnrolment.VAR_PROGRAMME_NAME, programme.get("program_name").asText());
        }
        if (programme.hasNonNull("duration_weeks")) {
            variables.putValue(TrainingEnrolment.VAR_DURATION_WEEKS, programme.get("duration_weeks").asLong());
        }
        JsonNode benefits = item.path("requested_benefits");
        if (benefits.isArray()) {
            // JSON, as the form's checklist writes it: the form shows it and SA's request sends it on
            variables.putValue(TrainingEnrolment.VAR_REQUESTED_BENEFITS, SpinValues.jsonValue(benefits.toString()));
        }
        return variables;
    }

    /** What the annex's schema leaves open but a training cannot have: a duration of no weeks. */
    static void addProblems(JsonNode item, String at, List<String> problems) {
        JsonNode weeks = item.at("/training_program/duration_weeks");
        if (weeks.isIntegralNumber() && weeks.asLong() < 1) {
            problems.add(at + "training_program.duration_weeks: " + weeks.asLong() + " must be at least 1");
        }
    }
}
