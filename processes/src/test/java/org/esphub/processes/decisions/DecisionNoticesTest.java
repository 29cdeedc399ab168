package org.esphub.processes.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every notify task of an automated proposal, in every model, hands the explainer what it needs: the rule
 * that fired (where a table proposed it), who approved it (where someone does) and the appeal deadline
 * (where there is one); and every rule of those tables says in words what it does.
 */
class DecisionNoticesTest {

    private static final List<Map<String, String>> NOTIFY_TASKS = new ArrayList<>();

    @BeforeAll
    static void readTheNotifyTasksOfEveryModel() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                    Map<String, String> inputs = new TreeMap<>();
                    if (task.getExtensionElements() != null) {
                        for (CamundaInputOutput io : task.getExtensionElements()
                                .getChildElementsByType(CamundaInputOutput.class)) {
                            for (CamundaInputParameter input : io.getCamundaInputParameters()) {
                                inputs.put(input.getCamundaName(), input.getTextContent().trim());
                            }
                        }
                    }
                    inputs.put("#task", resource.getFilename() + " / " + task.getId());
                    NOTIFY_TASKS.add(inputs);
                }
            }
        }
    }

    static Stream<DecisionNotice> notices() {
        return DecisionNotices.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("notices")
    void every_task_sending_the_notice_maps_the_rule_the_approver_and_the_deadline(DecisionNotice notice) {
        // the outcome as a literal, or one branch of an expression choosing between outcomes
        List<Map<String, String>> sending = NOTIFY_TASKS.stream()
                .filter(inputs -> notice.outcome().equals(inputs.get("outcome"))
                        || String.valueOf(inputs.get("outcome")).contains("'" + notice.outcome() + "'"))
                .toList();

        assertThat(sending).as("tasks sending " + notice.outcome()).isNotEmpty();
        for (Map<String, String> inputs : sending) {
            String where = inputs.get("#task");
            if (notice.decisionTable() != null) {
                assertThat(inputs.get(DecisionNotices.VAR_RULE_ID)).as(where).isNotBlank();
            }
            if (notice.approver() != null) {
                assertThat(inputs.get(DecisionNotices.VAR_APPROVED_BY)).as(where).isNotBlank();
            }
            if (notice.appealRoute().contains("deadline")) {
                assertThat(inputs.get("appealDeadline")).as(where).isNotBlank();
            }
        }
    }

    @Test
    void every_rule_of_the_tables_behind_the_notices_says_what_it_does() {
        DecisionRules rules = DecisionRules.ofNotices();
        List<String> tables = DecisionNotices.ALL.stream().map(DecisionNotice::decisionTable)
                .filter(java.util.Objects::nonNull).distinct().toList();
        for (String key : tables) {
            DecisionRules.Table table = rules.table(key).orElseThrow();
            assertThat(table.inputLabels()).as(key).isNotEmpty().doesNotContain("");
            assertThat(table.rules()).as(key).isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule.text()).as(key + " " + rule.id()).isNotBlank());
        }
        assertThat(DecisionNotices.ALL.stream().map(DecisionNotice::outcome).collect(Collectors.toSet()))
                .as("one entry per outcome").hasSize(DecisionNotices.ALL.size());
    }
}
