package org.esphub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(true, 10, Duration.ofMinutes(15), 1000), new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @Test
    void ten_failures_make_the_address_wait_a_ninetieth_of_the_window_for_its_next_try() {
        for (int failure = 1; failure <= 9; failure++) {
            throttle.recordFailure("203.0.113.7");
            assertThat(throttle.waitBeforeNextLogin("203.0.113.7")).isEmpty();
        }
        throttle.recordFailure("203.0.113.7");

        assertThat(throttle.waitBeforeNextLogin("203.0.113.7")).hasValue(Duration.ofSeconds(90));
        nanos.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(throttle.waitBeforeNextLogin("203.0.113.7")).isEmpty();
    }

    @Test
    void another_address_is_not_slowed_down() {
        for (int failure = 1; failure <= 10; failure++) {
            throttle.recordFailure("203.0.113.7");
        }

        assertThat(throttle.waitBeforeNextLogin("203.0.113.8")).isEmpty();
    }

    @Test
    void an_ipv6_client_is_counted_per_64_network_so_it_cannot_escape_by_changing_its_interface_id() {
        for (int failure = 1; failure <= 10; failure++) {
            throttle.recordFailure("2001:db8:1:2:0:0:0:" + Integer.toHexString(failure));
        }

        assertThat(throttle.waitBeforeNextLogin("2001:db8:1:2:ffff:1:2:3")).isPresent();
        assertThat(throttle.waitBeforeNextLogin("2001:db8:1:3:0:0:0:1")).isEmpty();
    }

    @Test
    void only_ip_literals_are_parsed_never_looked_up() {
        assertThat(LoginThrottle.key("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(LoginThrottle.key("deadbeef")).isEqualTo("deadbeef");
    }
}
