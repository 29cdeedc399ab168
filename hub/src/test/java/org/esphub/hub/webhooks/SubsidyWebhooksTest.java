package org.esphub.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.EmploymentSubsidy;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * {@link SubsidyWebhooks}: whose subscriptions hear of a subsidy's step, and with what. The employer the
 * application names hears of every milestone; SA of the payments its treasury makes, never of a recovery.
 */
class SubsidyWebhooksTest {

    private static final String EMPLOYER_SENDER = "employer.example.org";
    private static final String SA_SENDER = "sa.gov.example";

    private final ReferralWebhooks webhooks = mock(ReferralWebhooks.class);
    private final SubsidyWebhooks subsidies = new SubsidyWebhooks(webhooks,
            new AgencySenders(Map.of(), Map.<String, AgencyKind>of(), Map.of("EMP-7788", EMPLOYER_SENDER)), SA_SENDER);

    @Test
    void a_payment_goes_to_the_employer_and_to_sa_with_its_amount_from_the_steps_inputs() {
        ExecutionEntity instance = instance();
        ExecutionEntity step = mock(ExecutionEntity.class);
        when(step.getVariable(anyString())).thenAnswer(call -> instance.getVariable(call.getArgument(0)));
        when(step.getVariable(EmploymentSubsidy.INPUT_AMOUNT)).thenReturn(120000L);
        when(step.getVariable(EmploymentSubsidy.INPUT_PAYMENT_TYPE)).thenReturn(EmploymentSubsidy.PAYMENT_MONTHLY_SUBSIDY);

        subsidies.raise(instance, step, EmploymentSubsidy.INSTRUCT_PAYMENT, WebhookEvents.SUBSIDY_UPDATED);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
        verify(webhooks).aboutRequestOf(eq(EMPLOYER_SENDER), eq(WebhookEvents.SUBSIDY_UPDATED), data.capture());
        verify(webhooks).aboutRequestOf(eq(SA_SENDER), eq(WebhookEvents.SUBSIDY_UPDATED), any());
        assertThat(data.getValue()).containsEntry("reference_id", "SUB-1").containsEntry("employer_id", "EMP-7788")
                .containsEntry("step", EmploymentSubsidy.INSTRUCT_PAYMENT).containsEntry("amount", 120000L)
                .containsEntry("subsidy_month", 3L).doesNotContainKey("vulnerability_percentile");
    }

    @Test
    void a_recovery_goes_to_the_employer_only() {
        ExecutionEntity instance = instance();

        subsidies.raise(instance, instance, EmploymentSubsidy.INSTRUCT_RECOVERY, WebhookEvents.SUBSIDY_UPDATED);

        verify(webhooks).aboutRequestOf(eq(EMPLOYER_SENDER), eq(WebhookEvents.SUBSIDY_UPDATED), any());
        verify(webhooks, never()).aboutRequestOf(eq(SA_SENDER), anyString(), any());
    }

    @Test
    void a_retention_check_says_whether_the_worker_was_retained() {
        ExecutionEntity instance = instance();
        when(instance.getVariable(EmploymentSubsidy.VAR_INSURED_EMPLOYMENT_FOUND)).thenReturn(false);

        subsidies.raise(instance, instance, EmploymentSubsidy.CHECK_RETENTION, WebhookEvents.SUBSIDY_UPDATED);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
        verify(webhooks).aboutRequestOf(eq(EMPLOYER_SENDER), eq(WebhookEvents.SUBSIDY_UPDATED), data.capture());
        assertThat(data.getValue()).containsEntry(SubsidyWebhooks.RETAINED, false);
    }

    private static ExecutionEntity instance() {
        ExecutionEntity instance = mock(ExecutionEntity.class);
        when(instance.getBusinessKey()).thenReturn("SUB-1");
        when(instance.getVariable(EmploymentSubsidy.VAR_PERSON_ID)).thenReturn("10000000025");
        when(instance.getVariable(EmploymentSubsidy.VAR_EMPLOYER_ID)).thenReturn("EMP-7788");
        when(instance.getVariable(EmploymentSubsidy.VAR_SUBSIDY_MONTH)).thenReturn(3L);
        when(instance.getVariable(EmploymentSubsidy.VAR_VULNERABILITY_PERCENTILE)).thenReturn(25);
        return instance;
    }
}
