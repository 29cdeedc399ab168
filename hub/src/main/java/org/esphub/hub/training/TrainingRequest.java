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
        choiceVariables(item).forEach((name, value) -> {
            if (value != null) {
                variables.putValue(name, value);
            }
        });
        return variables;
    }

    /**
     * What the item asks for under the programme choice's names, null where it says nothing: for a
     * referral's choice that takes the request ({@link TrainingEnrolment#MESSAGE_TRAINING_REQUEST_ATTACHED}),
     * the nulls clear what the counsellor had not chosen from the request.
     */
    static VariableMap choiceVariables(JsonNode item) {
        JsonNode programme = item.path("training_program");
        JsonNode benefits = item.path("requested_benefits");
        return Variables.createVariables()
                .putValue(TrainingEnrolment.VAR_PROGRAMME_ID, programme.path("program_id").asText(null))
                .putValue(TrainingEnrolment.VAR_PROGRAMME_NAME, programme.path("program_name").asText(null))
                .putValue(TrainingEnrolment.VAR_DURATION_WEEKS,
                        programme.hasNonNull("duration_weeks") ? programme.get("duration_weeks").asLong() : null)
                // JSON, as the form's checklist writes it: the form shows it and SA's request sends it on
                .putValue(TrainingEnrolment.VAR_REQUESTED_BENEFITS,
                        benefits.isArray() ? SpinValues.jsonValue(benefits.toString()).create() : null);
    }

    /** What the annex's schema leaves open but a training cannot have: a duration of no weeks. */
    static void addProblems(JsonNode item, String at, List<String> problems) {
        JsonNode weeks = item.at("/training_program/duration_weeks");
        if (weeks.isIntegralNumber() && weeks.asLong() < 1) {
            problems.add(at + "training_program.duration_weeks: " + weeks.asLong() + " must be at least 1");
        }
    }
}
