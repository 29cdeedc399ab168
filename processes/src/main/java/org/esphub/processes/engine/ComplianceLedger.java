package org.esphub.processes.engine;

import static org.esphub.processes.ActivationCompliance.*;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.esphub.processes.Appeal;

/**
 * Keeps the counters of {@code activation-compliance} that the DMN compliance-assessment judges. One
 * listener class with an {@code action} field, so the model says in one word what happens to the ledger:
 *
 * <ul>
 * <li>{@code open}: all counters at zero, no check due (start of monitoring);</li>
 * <li>{@code record}: count the evidence named by {@code evidenceType}; a missed appointment or a refused
 * offer makes a check due at once (event-driven check);</li>
 * <li>{@code assessed}: the evidence so far has been judged, no check is due; after a periodic review
 * (checkType PERIODIC) the period's counters start again;</li>
 * <li>{@code requested}: SA's compliance request: its areas ({@code complianceAreas}) join the monitored
 * ones; an assessment asked for ({@code requestedAssessment}) makes a check due at once. The check is an
 * event check: it judges misses and refusals, the period's counts wait for the periodic review;</li>
 * <li>{@code openEpisode}: an episode of non-compliance starts on the misses and refusals counted so far;</li>
 * <li>{@code closeEpisode}: the episode is settled, the misses and refusals it started on are spent and
 * what was said and decided in it (reasons, appeal) no longer applies to the next one. Evidence that
 * arrived during the episode stays counted, and a check it made due stays due.</li>
 * </ul>
 *
 * Counters are process-instance variables, so the evidence event subprocess and the main flow share them.
 */
public class ComplianceLedger implements ExecutionListener {

    /** What an episode's hearing and appeal leave behind; the next episode starts without them. */
    private static final List<String> EPISODE_VARIABLES = List.of(VAR_STATED_REASONS,
            VAR_APPEAL_GROUNDS, Appeal.VAR_APPEAL_OUTCOME, Appeal.VAR_AMENDED_DECISION, Appeal.VAR_AMENDED_BENEFIT_PERCENT,
            VAR_EPISODE_MISSED_AT_OPEN, VAR_EPISODE_REFUSED_AT_OPEN);

    private Expression action;

    @Override
    public void notify(DelegateExecution execution) {
        String what = action == null ? null : String.valueOf(action.getValue(execution));
        DelegateExecution instance = execution.getProcessInstance();
        switch (String.valueOf(what)) {
            case "open" -> {
                closePeriod(instance);
                instance.setVariable(VAR_MISSED_APPOINTMENTS, 0);
                instance.setVariable(VAR_REFUSED_OFFERS, 0);
                instance.setVariable(VAR_CHECK_DUE, false);
                if (instance.getVariable(VAR_MONITORED_AREAS) == null) {
                    instance.setVariable(VAR_MONITORED_AREAS, "");
                }
                // present from the start, so that forms and the decision record always find them
                EPISODE_VARIABLES.forEach(name -> instance.setVariable(name, null));
            }
            case "record" -> record(instance, (String) execution.getVariable(VAR_EVIDENCE_TYPE));
            case "requested" -> requested(instance, execution.getVariable(VAR_COMPLIANCE_AREAS),
                    execution.getVariable(VAR_REQUESTED_ASSESSMENT));
            case "assessed" -> {
                if (CHECK_PERIODIC.equals(instance.getVariable(VAR_CHECK_TYPE))) {
                    closePeriod(instance);
                }
                instance.setVariable(VAR_CHECK_DUE, false);
            }
            case "openEpisode" -> {
                instance.setVariable(VAR_EPISODE_MISSED_AT_OPEN, count(instance, VAR_MISSED_APPOINTMENTS));
                instance.setVariable(VAR_EPISODE_REFUSED_AT_OPEN, count(instance, VAR_REFUSED_OFFERS));
            }
            case "closeEpisode" -> closeEpisode(instance);
            default -> throw new IllegalStateException("ComplianceLedger needs the field 'action' (open, record,"
                    + " requested, assessed, openEpisode, closeEpisode), got " + what + " at " + execution.getCurrentActivityId());
        }
    }

    public void setAction(Expression action) {
        this.action = action;
    }

    private static void record(DelegateExecution instance, String evidenceType) {
        switch (String.valueOf(evidenceType)) {
            case EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE -> {
                increment(instance, VAR_MISSED_APPOINTMENTS);
                instance.setVariable(VAR_CHECK_DUE, true);
            }
            case EVIDENCE_OFFER_REFUSED -> {
                increment(instance, VAR_REFUSED_OFFERS);
                instance.setVariable(VAR_CHECK_DUE, true);
            }
            case EVIDENCE_JOB_APPLICATION -> increment(instance, VAR_APPLICATIONS_IN_PERIOD);
            case EVIDENCE_TRAINING_MISSED -> increment(instance, VAR_TRAINING_ABSENCES);
            case EVIDENCE_INCOME_REPORTED -> instance.setVariable(VAR_INCOME_REPORTED, true);
            // attended appointments and training, and misses with notice, are kept in the history only:
            // they meet the obligation, nothing is counted against the person
            case EVIDENCE_APPOINTMENT_ATTENDED, EVIDENCE_APPOINTMENT_MISSED_WITH_NOTICE, EVIDENCE_TRAINING_ATTENDED -> {
            }
            default -> throw new IllegalArgumentException("unknown evidence type " + evidenceType + "; one of "
                    + EVIDENCE_TYPES);
        }
    }

    private static void requested(DelegateExecution instance, Object areas, Object assessment) {
        Set<String> monitored = new LinkedHashSet<>(split(instance.getVariable(VAR_MONITORED_AREAS)));
        for (String area : split(areas)) {
            if (!AREAS.contains(area)) {
                throw new IllegalArgumentException("unknown compliance area " + area + "; one of " + AREAS);
            }
            monitored.add(area);
        }
        instance.setVariable(VAR_MONITORED_AREAS, String.join(",", monitored));
        if (assessment != null && !String.valueOf(assessment).isBlank()) {
            instance.setVariable(VAR_CHECK_DUE, true);
        }
    }

    private static List<String> split(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(String.valueOf(commaSeparated).split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .toList();
    }

    private static void closePeriod(DelegateExecution instance) {
        instance.setVariable(VAR_APPLICATIONS_IN_PERIOD, 0);
        instance.setVariable(VAR_TRAINING_ABSENCES, 0);
        instance.setVariable(VAR_INCOME_REPORTED, false);
    }

    private static void closeEpisode(DelegateExecution instance) {
        instance.setVariable(VAR_MISSED_APPOINTMENTS, Math.max(0, count(instance, VAR_MISSED_APPOINTMENTS)
                - count(instance, VAR_EPISODE_MISSED_AT_OPEN)));
        instance.setVariable(VAR_REFUSED_OFFERS, Math.max(0, count(instance, VAR_REFUSED_OFFERS)
                - count(instance, VAR_EPISODE_REFUSED_AT_OPEN)));
        for (String spent : EPISODE_VARIABLES) {
            instance.setVariable(spent, null);
        }
    }

    private static int count(DelegateExecution instance, String counter) {
        return instance.getVariable(counter) instanceof Number n ? n.intValue() : 0;
    }

    private static void increment(DelegateExecution instance, String counter) {
        instance.setVariable(counter, count(instance, counter) + 1);
    }
}
