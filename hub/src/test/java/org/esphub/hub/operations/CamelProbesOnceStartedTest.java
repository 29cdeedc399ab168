package org.esphub.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

/** While the hub starts, the probes answer Spring Boot's state and leave the not yet started Camel context alone. */
class CamelProbesOnceStartedTest {

    private final CamelProbesOnceStarted probes = new CamelProbesOnceStarted();
    private final CamelContext camel = mock(CamelContext.class);
    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

    @Test
    void before_the_hub_is_live_liveness_is_spring_boots_own_and_camel_is_not_asked() {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.BROKEN));

        assertThat(probes.camelLivenessStateHealthIndicator(availability, camel).health().getStatus())
                .isEqualTo(Status.DOWN);
        verifyNoInteractions(camel);
    }

    @Test
    void before_the_hub_is_ready_readiness_is_spring_boots_own_and_camel_is_not_asked() {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));

        assertThat(probes.camelReadinessStateHealthIndicator(availability, camel).health().getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        verifyNoInteractions(camel);
    }
}
