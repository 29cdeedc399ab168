package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.esphub.processes.decisions.DecisionNotice;
import org.esphub.processes.decisions.DecisionNotices;
import org.esphub.processes.decisions.DecisionRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every notice of an automated proposal carries its rule in the table's words and its appeal route. */
class DecisionExplainerTest {

    private static final DecisionRules RULES = DecisionRules.ofNotices();
    private final DecisionExplainer explainer = new DecisionExplainer(RULES);

    static Stream<DecisionNotice> notices() {
        return DecisionNotices.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("notices")
    void the_notice_carries_its_rule_inputs_approver_and_appeal_route(DecisionNotice notice) {
        DecisionRules.Rule fired = notice.decisionTable() == null ? null
                : RULES.table(notice.decisionTable()).orElseThrow().rules().get(0);
        Map<String, Object> payload = new HashMap<>();
        payload.put("outcome", notice.outcome());
        payload.put("reason", "as the process says it");
        payload.put("appeal_deadline", "2027-01-06T10:00:00Z");
        payload.put(DecisionExplainer.RULE_ID, fired == null ? null : fired.id());
        payload.put(DecisionExplainer.APPROVED_BY, "officer-7");

        Map<String, Object> explained = explainer.explain(payload);

        assertThat(explained).doesNotContainKeys(DecisionExplainer.RULE_ID, DecisionExplainer.APPROVED_BY);
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) explained.get("explanation");
        String rule = fired == null ? notice.fixedRule() : fired.text();
        assertThat(rule).isNotBlank();
        assertThat(explanation).containsEntry("rule", rule).containsEntry("approved_by", "officer-7")
                .containsEntry("decision", notice.decision())
                .containsEntry("appeal", Map.of("how", notice.appealRoute(), "deadline", "2027-01-06T10:00:00Z"));
        if (fired != null) {
            assertThat(explanation.get("rule_id")).isEqualTo(fired.id());
            assertThat((List<?>) explanation.get("inputs")).isNotEmpty();
        }
        assertThat((String) explanation.get("summary")).contains(rule, notice.appealRoute(), "officer-7")
                .doesNotContain("as the process says it");
    }

    @Test
    void a_single_output_table_finds_its_rule_by_the_output_and_no_approver_is_said_plainly() {
        Map<String, Object> payload = new HashMap<>(Map.of("outcome", "NOT_ELIGIBLE", "reason", "NOT_WORK_ABLE",
                DecisionExplainer.RULE_ID, "NOT_WORK_ABLE"));

        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) explainer.explain(payload).get("explanation");

        assertThat(explanation.get("rule_id")).isEqualTo("Rule_NotWorkAble");
        assertThat((String) explanation.get("rule")).startsWith("SA has assessed the person as not able to work");
        assertThat((String) explanation.get("summary")).contains("no caseworker reviewed it");
    }

    @Test
    void any_other_notice_passes_unchanged() {
        Map<String, Object> payload = Map.of("outcome", "ENROLLED", "reason", "welding");

        assertThat(explainer.explain(payload)).isEqualTo(payload);
    }
}
