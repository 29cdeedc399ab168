package org.esphub.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;
import org.junit.jupiter.api.Test;

/** {@link WaitAhead}: which steps are on their way to wait for a message, on the real models and on small ones. */
class WaitAheadTest {

    private static final String CONFIRMED = ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED;

    @Test
    void the_referrals_registration_step_is_on_its_way_to_wait_for_pes_confirmation() {
        BpmnModelInstance referral = model("processes/referral-to-pes.bpmn");
        FlowNode register = referral.getModelElementById(ReferralToPes.REGISTER_JOBSEEKER);

        assertThat(WaitAhead.inMotion(register)).isTrue();
        assertThat(WaitAhead.leadsTo(register, CONFIRMED)).isTrue();
        assertThat(WaitAhead.leadsTo(register, TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED)).isFalse();
    }

    @Test
    void a_persons_task_is_no_step_in_motion_so_a_confirmation_after_the_intake_began_is_not_early() {
        FlowNode intake = model("processes/referral-to-pes.bpmn").getModelElementById(ReferralToPes.INTAKE);

        assertThat(WaitAhead.inMotion(intake)).isFalse();
    }

    @Test
    void the_path_may_pass_automatic_steps_gateways_and_an_event_based_gateway() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
                .serviceTask("Ask").camundaExternalTask("ask")
                .exclusiveGateway("Which").condition("yes", "${true}")
                .scriptTask("Note").scriptFormat("groovy").scriptText("1")
                .eventBasedGateway().id("Await")
                .intermediateCatchEvent("Answered").message(CONFIRMED).endEvent()
                .moveToNode("Await").intermediateCatchEvent("TooLate").timerWithDuration("PT1H").endEvent()
                .moveToNode("Which").condition("no", "${false}").endEvent()
                .done();

        assertThat(WaitAhead.leadsTo(model.getModelElementById("Ask"), CONFIRMED)).isTrue();
    }

    @Test
    void a_path_that_reaches_a_persons_task_first_does_not_lead_to_the_wait_behind_it() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
                .serviceTask("Ask").camundaExternalTask("ask")
                .userTask("Decide")
                .intermediateCatchEvent("Answered").message(CONFIRMED)
                .endEvent().done();

        assertThat(WaitAhead.leadsTo(model.getModelElementById("Ask"), CONFIRMED)).isFalse();
    }

    @Test
    void a_loop_of_automatic_steps_ends() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
                .exclusiveGateway("Again")
                .serviceTask("Ask").camundaExternalTask("ask")
                .exclusiveGateway("Done").condition("no", "${false}").connectTo("Again")
                .moveToNode("Done").condition("yes", "${true}").endEvent()
                .done();

        assertThat(WaitAhead.leadsTo(model.getModelElementById("Ask"), CONFIRMED)).isFalse();
    }

    @Test
    void held_events_are_retried_after_a_doubling_delay_up_to_its_limit() {
        EarlyEventProperties properties = new EarlyEventProperties(Duration.ofHours(24), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 50);

        assertThat(properties.retryDelay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.retryDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelay(500)).isEqualTo(Duration.ofSeconds(30));
    }

    private static BpmnModelInstance model(String resource) {
        try (InputStream in = WaitAheadTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
