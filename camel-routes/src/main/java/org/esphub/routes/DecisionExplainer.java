package org.esphub.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.processes.decisions.DecisionNotice;
import org.esphub.processes.decisions.DecisionNotices;
import org.esphub.processes.decisions.DecisionRules;

/**
 * Attaches to every notice of an automated proposal its {@code explanation}: the decision, the rule that
 * fired in the DMN table's own words, the inputs the table weighs, who approved the proposal and how and by
 * when to appeal. One step in each notify route ({@code explain(${body})} on the snake_case payload), the
 * same for every kind of notice ({@link DecisionNotices}); any other notice passes unchanged.
 *
 * <p>The explanation's {@code summary} names inputs, never their values, so the audit record of the
 * exchange can keep it and the person's data tracker can show it (ADR 0051).
 */
public class DecisionExplainer {

    static final String RULE_ID = "decision_rule_id";
    static final String APPROVED_BY = "decision_approved_by";
    static final String APPEAL_DEADLINE = "appeal_deadline";

    private final DecisionRules rules;

    public DecisionExplainer(DecisionRules rules) {
        this.rules = rules;
    }

    public Map<String, Object> explain(Map<String, Object> payload) {
        Optional<DecisionNotice> notice = DecisionNotices.of(payload.get("outcome"));
        Map<String, Object> explained = new LinkedHashMap<>(payload);
        Object ruleId = explained.remove(RULE_ID);
        Object approvedBy = explained.remove(APPROVED_BY);
        if (notice.isEmpty()) {
            return explained;
        }
        explained.put(DataSharingGate.EXPLANATION, explanation(notice.get(), ruleId == null ? null : ruleId.toString(),
                approvedBy == null ? null : approvedBy.toString(), payload.get(APPEAL_DEADLINE), payload.get("reason")));
        return explained;
    }

    private Map<String, Object> explanation(DecisionNotice notice, String ruleId, String approvedBy, Object deadline,
            Object reason) {
        Optional<DecisionRules.Table> table = Optional.ofNullable(notice.decisionTable()).flatMap(rules::table);
        Optional<DecisionRules.Rule> rule = ruleId == null ? Optional.empty() : table.flatMap(t -> t.rule(ruleId));
        String ruleText = notice.fixedRule() != null ? notice.fixedRule()
                : rule.map(DecisionRules.Rule::text).orElse(reason == null ? "not recorded" : reason.toString());
        List<String> inputs = table.map(DecisionRules.Table::inputLabels).orElse(List.of());
        String approval = approvedBy == null ? "proposed by the rules alone; no caseworker reviewed it"
                : notice.approver() + " (" + approvedBy + ") approved it";
        Map<String, Object> appeal = new LinkedHashMap<>();
        appeal.put("how", notice.appealRoute());
        appeal.put("deadline", deadline);
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("decision", notice.decision());
        explanation.put("rule_id", rule.map(DecisionRules.Rule::id).orElse(notice.decisionTable() == null ? null : ruleId));
        explanation.put("rule", ruleText);
        explanation.put("inputs", inputs);
        explanation.put("approved_by", approvedBy);
        explanation.put("appeal", appeal);
        explanation.put("summary", "Decision: " + notice.decision() + ". Rule: " + ruleText
                + (inputs.isEmpty() ? "" : " Weighed: " + String.join(", ", inputs) + ".") + " Approval: " + approval
                + ". To appeal: " + notice.appealRoute() + (deadline == null ? "." : " (by " + deadline + ")."));
        return explanation;
    }
}
