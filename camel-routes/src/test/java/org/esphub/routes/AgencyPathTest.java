package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AgencyPath}: the one way an id enters the path of an agency call. */
class AgencyPathTest {

    private final AgencyPath path = new AgencyPath();

    @Test
    void a_usable_id_becomes_the_segment_the_template_names() {
        assertThat(path.of("persons/{id}/employments", "10000000001")).isEqualTo("persons/10000000001/employments");
        assertThat(path.of("reservations/{id}/release", "SLOT-7.a_b")).isEqualTo("reservations/SLOT-7.a_b/release");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.esphub.routes.RouteTestSupport#hostileIds")
    void an_id_that_could_steer_the_call_is_refused_naming_the_rule(String id) {
        assertThatThrownBy(() -> path.of("persons/{id}", id))
                .isInstanceOf(UnusableIdentifier.class)
                .hasMessageStartingWith(UnusableIdentifier.CODE + ": ")
                .hasMessageContaining("persons/{id}")
                .hasMessageContaining("letters, digits");
        assertThat(path.isUnusable(id)).isTrue();
    }

    @Test
    void no_id_is_refused_and_a_refused_id_cannot_forge_log_lines_or_flood_the_message() {
        assertThatThrownBy(() -> path.of("persons/{id}", null)).isInstanceOf(UnusableIdentifier.class)
                .hasMessageContaining("(none)");
        assertThatThrownBy(() -> path.of("persons/{id}", "a\nINFO forged" + "x".repeat(500)))
                .isInstanceOf(UnusableIdentifier.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(300));
        assertThat(path.isUnusable(null)).isTrue();
        assertThat(path.isUnusable(42)).as("an agency's number is not an id the hub passes on").isTrue();
    }

    @Test
    void a_segment_is_percent_encoded_whole_so_nothing_in_it_can_become_a_path_query_or_placeholder() {
        assertThat(AgencyPath.encodeSegment("a/b?c=d#e f%2e{{env:HOME}}ä"))
                .isEqualTo("a%2Fb%3Fc%3Dd%23e%20f%252e%7B%7Benv%3AHOME%7D%7D%C3%A4");
        assertThat(AgencyPath.encodeSegment("A-z.0_~")).isEqualTo("A-z.0_~");
    }

    @Test
    void a_template_must_name_the_id_exactly_once() {
        assertThatThrownBy(() -> path.of("persons", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> path.of("persons/{id}/{id}", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
