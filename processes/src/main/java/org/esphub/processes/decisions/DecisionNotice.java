package org.esphub.processes.decisions;

/**
 * A notice that tells a person (or the employer hiring them) about a decision an automated rule proposed.
 *
 * @param outcome the notice's {@code outcome}, as the process sends it
 * @param decision what was decided, in plain words ("benefit adjustment")
 * @param decisionTable the DMN decision whose rule proposed it, or null when the rule is not a table's
 * @param fixedRule the rule in plain words when there is no table (a statutory formula), else null
 * @param approver who approves the proposal before the notice, in plain words; null when no one does
 * @param appealRoute how to appeal (or to ask for a review), in plain words; the deadline comes with the notice
 */
public record DecisionNotice(String outcome, String decision, String decisionTable, String fixedRule, String approver,
        String appealRoute) {
}
