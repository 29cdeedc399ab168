package org.esphub.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_complete_create_request_is_taken_with_duplicate_events_removed() {
        SubscriptionRequest request = SubscriptionRequest.forCreate(json("""
                {"url": "https://sa.example.gov/hooks", "events": ["referral_created", "referral_updated",
                 "referral_created"], "secret": "sixteen-chars-ok"}"""));

        assertThat(request.url()).isEqualTo("https://sa.example.gov/hooks");
        assertThat(request.events()).containsExactly("referral_created", "referral_updated");
        assertThat(request.secret()).isEqualTo("sixteen-chars-ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "https://agency.example/hooks?x=1", "HTTPS://A.EXAMPLE/"})
    void absolute_http_and_https_urls_are_accepted(String url) {
        assertThat(SubscriptionRequest.isAbsoluteHttpUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/path", "ftp://agency.example/x", "https:///no-host", "not a url",
            "mailto:ops@agency.example", "https://agency.example/x#fragment"})
    void other_urls_are_refused(String url) {
        assertThat(SubscriptionRequest.isAbsoluteHttpUrl(url)).isFalse();
    }

    @Test
    void every_problem_is_named_by_its_field() {
        DciRejection rejection = catchThrowableOfType(DciRejection.class, () -> SubscriptionRequest.forCreate(json("""
                {"url": 42, "events": ["referral_created", "coffee_ready", 7], "secret": "short"}""")));

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(rejection.getDetails()).hasSize(4).anySatisfy(d -> assertThat(d).startsWith("$.url:"))
                .anySatisfy(d -> assertThat(d).startsWith("$.events[1]:"))
                .anySatisfy(d -> assertThat(d).startsWith("$.events[2]:"))
                .anySatisfy(d -> assertThat(d).startsWith("$.secret:"));
    }

    @Test
    void url_and_events_are_required_to_subscribe() {
        DciRejection rejection = catchThrowableOfType(DciRejection.class,
                () -> SubscriptionRequest.forCreate(json("{\"events\": []}")));
        DciRejection none = catchThrowableOfType(DciRejection.class,
                () -> SubscriptionRequest.forCreate(json("{\"url\": \"https://sa.example.gov/hooks\"}")));

        assertThat(rejection.getDetails()).containsExactly("$.url: required",
                "$.events: must be a non-empty array of event types " + WebhookEvents.ALL);
        assertThat(none.getDetails()).containsExactly("$.event_types: required");
    }

    @Test
    void an_update_takes_a_status_and_refuses_an_unknown_one() {
        assertThat(SubscriptionRequest.forUpdate(json("{\"status\": \"PAUSED\"}")).status())
                .isEqualTo(SubscriptionStatus.PAUSED);

        DciRejection rejection = catchThrowableOfType(DciRejection.class,
                () -> SubscriptionRequest.forUpdate(json("{\"status\": \"DELETED\"}")));
        assertThat(rejection.getDetails()).singleElement().asString().startsWith("$.status:");
    }

    @Test
    void the_companions_event_types_and_person_filter_are_taken_and_events_stays_an_alias() {
        SubscriptionRequest companion = SubscriptionRequest.forCreate(json("""
                {"url": "https://sa.example.gov/hooks", "event_types": ["compliance_alert"],
                 "filters": {"person_ids": ["10000000001", "10000000001", "10000000002"]}}"""));
        SubscriptionRequest alias = SubscriptionRequest.forCreate(json("""
                {"url": "https://sa.example.gov/hooks", "events": ["compliance_alert"]}"""));

        assertThat(companion.events()).containsExactly("compliance_alert");
        assertThat(companion.filters().personIds()).containsExactly("10000000001", "10000000002");
        assertThat(alias.events()).containsExactly("compliance_alert");
        assertThat(alias.filters()).as("no filter given").isNull();
    }

    @Test
    void both_names_of_the_event_list_filters_the_hub_does_not_apply_and_bad_person_ids_are_refused() {
        DciRejection rejection = catchThrowableOfType(DciRejection.class, () -> SubscriptionRequest.forCreate(json("""
                {"url": "https://sa.example.gov/hooks", "event_types": ["referral_created"],
                 "events": ["referral_created"],
                 "filters": {"programmes": ["SP-CASH-2024"], "person_ids": ["ok", 7]}}""")));

        assertThat(rejection.getDetails()).hasSize(3).anySatisfy(d -> assertThat(d).startsWith("$.events:"))
                .anySatisfy(d -> assertThat(d).startsWith("$.filters.programmes:"))
                .anySatisfy(d -> assertThat(d).startsWith("$.filters.person_ids[1]:"));
    }

    @Test
    void an_update_may_change_only_the_filters_and_an_empty_object_removes_them() {
        assertThat(SubscriptionRequest.forUpdate(json("{\"filters\": {}}")).filters()).isEqualTo(SubscriptionFilters.NONE);
    }

    @Test
    void a_person_filter_lets_through_only_events_about_its_persons() {
        SubscriptionFilters filters = new SubscriptionFilters(List.of("10000000001"));

        assertThat(filters.admit(Map.of("person_id", "10000000001"))).isTrue();
        assertThat(filters.admit(Map.of("person_id", "10000000002"))).isFalse();
        assertThat(filters.admit(Map.of())).isFalse();
        assertThat(SubscriptionFilters.NONE.admit(Map.of())).isTrue();
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        assertThat(catchThrowableOfType(DciRejection.class, () -> SubscriptionRequest.forCreate(json("[1]")))
                .getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
