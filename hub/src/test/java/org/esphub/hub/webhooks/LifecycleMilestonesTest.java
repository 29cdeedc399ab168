package org.esphub.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.YouthTransition;
import org.esphub.processes.EmploymentSubsidy;
import org.junit.jupiter.api.Test;

/**
 * {@link LifecycleMilestones}: every step the table names is a step of its model, compliance episodes raise
 * alerts and subsidies their milestones.
 */
class LifecycleMilestonesTest {

    @Test
    void every_step_in_the_table_is_a_flow_node_of_its_process_model() throws IOException {
        for (Map.Entry<String, Map<String, String>> process : LifecycleMilestones.EVENTS.entrySet()) {
            BpmnModelInstance model = model(process.getKey());
            for (String activityId : process.getValue().keySet()) {
                ModelElementInstance step = model.getModelElementById(activityId);
                assertThat(step).as(process.getKey() + " step " + activityId).isInstanceOf(FlowNode.class);
            }
        }
    }

    @Test
    void each_step_sa_hears_of_in_a_compliance_episode_raises_a_compliance_alert() {
        for (String step : new String[] {ActivationCompliance.ASK_FOR_REASONS, ActivationCompliance.NOTIFY_WARNING,
                ActivationCompliance.NOTIFY_SANCTION_DECIDED, ActivationCompliance.APPLY_SANCTION,
                ActivationCompliance.NOTIFY_SANCTION_ENDED}) {
            assertThat(LifecycleMilestones.eventAt(ActivationCompliance.PROCESS_KEY, step)).as(step)
                    .isEqualTo(WebhookEvents.COMPLIANCE_ALERT);
        }
        assertThat(LifecycleMilestones.eventAt(ActivationCompliance.PROCESS_KEY, ActivationCompliance.RECORD_GOOD_CAUSE))
                .as("a caseworker's task is not a step SA hears of").isNull();
    }

    @Test
    void sa_hears_of_each_youth_referral_step_it_is_told_of_and_of_none_of_the_caseworkers_tasks() {
        for (String step : new String[] {YouthTransition.OUTSIDE_AGE_BAND, YouthTransition.NOTIFY_SA_EXCHANGE_REFUSED,
                YouthTransition.NOTIFY_SA_OF_PATHWAY, YouthTransition.REPORT_FIRST_OUTCOME,
                YouthTransition.REPORT_SECOND_OUTCOME, YouthTransition.NOT_REACHED, YouthTransition.FOLLOWED_UP}) {
            assertThat(LifecycleMilestones.eventAt(YouthTransition.PROCESS_KEY, step)).as(step)
                    .isEqualTo(WebhookEvents.REFERRAL_UPDATED);
        }
        assertThat(LifecycleMilestones.eventAt(YouthTransition.PROCESS_KEY, YouthTransition.TRANSITION_STARTED))
                .isEqualTo(WebhookEvents.REFERRAL_CREATED);
        assertThat(LifecycleMilestones.eventAt(YouthTransition.PROCESS_KEY, YouthTransition.CAREER_COUNSELLING))
                .isNull();
    }

    @Test
    void a_subsidy_is_created_when_taken_in_and_updated_at_each_milestone_the_employer_follows() {
        assertThat(LifecycleMilestones.eventAt(EmploymentSubsidy.PROCESS_KEY, EmploymentSubsidy.SUBSIDY_APPLIED))
                .isEqualTo(WebhookEvents.SUBSIDY_CREATED);
        for (String step : new String[] {EmploymentSubsidy.NOTIFY_APPROVAL, EmploymentSubsidy.NOTIFY_REFUSAL,
                EmploymentSubsidy.INSTRUCT_PAYMENT, EmploymentSubsidy.NOTIFY_PAYMENTS_SUSPENDED,
                EmploymentSubsidy.CHECK_RETENTION, EmploymentSubsidy.NOTIFY_CLAWBACK, EmploymentSubsidy.INSTRUCT_RECOVERY,
                EmploymentSubsidy.INSTRUCT_AMENDED_RECOVERY}) {
            assertThat(LifecycleMilestones.eventAt(EmploymentSubsidy.PROCESS_KEY, step)).as(step)
                    .isEqualTo(WebhookEvents.SUBSIDY_UPDATED);
        }
        assertThat(LifecycleMilestones.eventAt(EmploymentSubsidy.PROCESS_KEY, EmploymentSubsidy.DECIDE_APPLICATION))
                .as("an officer's task is not a milestone; its notice is").isNull();
        assertThat(SubsidyWebhooks.TREASURY_STEPS).as("SA hears of what its treasury pays, never of a recovery")
                .containsExactlyInAnyOrder(EmploymentSubsidy.INSTRUCT_PAYMENT, EmploymentSubsidy.PAY_RETENTION_BONUS);
    }

    private static BpmnModelInstance model(String processKey) throws IOException {
        try (InputStream in = LifecycleMilestonesTest.class.getClassLoader()
                .getResourceAsStream("processes/" + processKey + ".bpmn")) {
            assertThat(in).as(processKey).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }
}
