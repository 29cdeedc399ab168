package org.esphub.dci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.dci.DciResponseValidator.DciResponse;
import org.junit.jupiter.api.Test;

class DciResponseValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DciResponseValidator validator = new DciResponseValidator();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void an_ack_with_status_timestamp_and_correlation_id_matches_the_annex() throws Exception {
        JsonNode ack = json("""
                {"message": {"ack_status": "ACK", "timestamp": "2025-01-02T03:04:05Z", "correlation_id": "c-1"}}""");

        assertThat(validator.problems(DciResponse.ACK, ack)).isEmpty();
    }

    @Test
    void an_ack_without_correlation_id_or_with_an_unknown_status_is_named() throws Exception {
        JsonNode ack = json("""
                {"message": {"ack_status": "OK", "timestamp": "2025-01-02T03:04:05Z"}}""");

        assertThat(validator.problems(DciResponse.ACK, ack))
                .anySatisfy(p -> assertThat(p).contains("correlation_id"))
                .anySatisfy(p -> assertThat(p).contains("$.message.ack_status"));
    }

    @Test
    void an_ack_timestamp_must_be_a_date_time() throws Exception {
        JsonNode ack = json("""
                {"message": {"ack_status": "ACK", "timestamp": "yesterday", "correlation_id": "c-1"}}""");

        assertThat(validator.problems(DciResponse.ACK, ack)).anySatisfy(p -> assertThat(p).contains("timestamp"));
    }

    @Test
    void an_error_list_of_codes_and_messages_matches_the_annex() throws Exception {
        JsonNode errors = json("""
                {"errors": [{"code": "err.request.bad", "message": "header is missing"}]}""");

        assertThat(validator.problems(DciResponse.HTTP_ERROR, errors)).isEmpty();
    }

    @Test
    void an_error_whose_code_is_not_text_is_named() throws Exception {
        JsonNode errors = json("""
                {"errors": [{"code": 400, "message": "bad"}]}""");

        assertThat(validator.problems(DciResponse.HTTP_ERROR, errors))
                .singleElement().satisfies(p -> assertThat(p).contains("$.errors[0].code"));
    }

    @Test
    void an_error_body_that_is_not_an_object_is_named() throws Exception {
        assertThat(validator.problems(DciResponse.HTTP_ERROR, json("[\"bad\"]"))).isNotEmpty();
    }
}
