package org.esphub.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DciRequestValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DciRequestValidator validator = new DciRequestValidator(MAPPER, 100);

    private static String sample() throws Exception {
        return Files.readString(Path.of("../samples/referral.json"));
    }

    private static ObjectNode sampleTree() throws Exception {
        return (ObjectNode) MAPPER.readTree(sample());
    }

    private DciRejection rejectionOf(ObjectNode envelope) {
        return catchThrowableOfType(DciRejection.class,
                () -> validator.parseAndValidate(DciOperation.CREATE_REFERRAL, envelope.toString()));
    }

    @Test
    void the_shipped_sample_referral_is_a_valid_create_referral_request() throws Exception {
        assertThatCode(() -> validator.parseAndValidate(DciOperation.CREATE_REFERRAL, sample()))
                .doesNotThrowAnyException();
    }

    @Test
    void text_that_is_not_json_is_a_bad_request() {
        DciRejection rejection = catchThrowableOfType(DciRejection.class,
                () -> validator.parseAndValidate(DciOperation.CREATE_REFERRAL, "{\"header\": {"));
        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(rejection.getMessage()).startsWith("body is not valid JSON");
    }

    @Test
    void json_that_is_not_an_object_is_a_bad_request() {
        DciRejection rejection = catchThrowableOfType(DciRejection.class,
                () -> validator.parseAndValidate(DciOperation.CREATE_REFERRAL, "[1,2]"));
        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
    }

    @Test
    void a_missing_required_item_field_is_named_in_the_rejection() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.at("/message/referral_request/0")).remove("reference_id");

        DciRejection rejection = rejectionOf(envelope);

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(rejection.getDetails()).anySatisfy(d -> assertThat(d)
                .contains("$.message.referral_request[0]").contains("reference_id"));
    }

    @Test
    void a_wrong_type_is_named_in_the_rejection() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.at("/message/referral_request/0")).put("person_id", 10000000001L);

        DciRejection rejection = rejectionOf(envelope);

        assertThat(rejection.getDetails()).anySatisfy(d -> assertThat(d)
                .contains("$.message.referral_request[0].person_id").contains("string"));
    }

    @Test
    void a_missing_header_field_is_named_in_the_rejection() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.get("header")).remove("message_id");

        assertThat(rejectionOf(envelope).getDetails()).anySatisfy(d -> assertThat(d).contains("message_id"));
    }

    @Test
    void an_enum_value_outside_the_code_list_is_rejected() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.at("/message/referral_request/0")).put("referral_reason", "BECAUSE");

        assertThat(rejectionOf(envelope).getDetails()).anySatisfy(d -> assertThat(d).contains("referral_reason"));
    }

    @Test
    void an_invalid_timestamp_is_rejected() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.get("header")).put("message_ts", "yesterday");

        assertThat(rejectionOf(envelope).getDetails()).anySatisfy(d -> assertThat(d).contains("message_ts"));
    }

    @Test
    void another_operations_action_is_rejected_as_invalid_action() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.get("header")).put("action", "create-placement");

        assertThat(rejectionOf(envelope).getReasonCode()).isEqualTo(DciReasonCode.ACTION_INVALID);
    }

    @Test
    void a_total_count_that_disagrees_with_the_items_is_rejected() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.get("header")).put("total_count", 2);

        assertThat(rejectionOf(envelope).getReasonCode()).isEqualTo(DciReasonCode.TOTAL_COUNT_INVALID);
    }

    @Test
    void a_batch_over_the_limit_is_rejected_with_limit_exceeded() throws Exception {
        ObjectNode envelope = sampleTree();
        ArrayNode items = (ArrayNode) envelope.at("/message/referral_request");
        ObjectNode item = (ObjectNode) items.get(0);
        for (int i = 1; i <= 100; i++) {
            items.add(item.deepCopy().put("reference_id", "REF-" + i));
        }
        ((ObjectNode) envelope.get("header")).put("total_count", 101);

        assertThat(rejectionOf(envelope).getReasonCode()).isEqualTo(DciReasonCode.TOTAL_COUNT_LIMIT_EXCEEDED);
    }

    @Test
    void an_empty_batch_is_a_bad_request() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ArrayNode) envelope.at("/message/referral_request")).removeAll();
        ((ObjectNode) envelope.get("header")).put("total_count", 0);

        assertThat(rejectionOf(envelope).getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
    }

    @Test
    void an_encrypted_payload_is_refused_because_the_hub_cannot_check_it() throws Exception {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.get("header")).put("is_msg_encrypted", true);
        envelope.set("message", MAPPER.readTree("""
                {"header":{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"},"ciphertext":"x","encrypted_key":"y","tag":"z","iv":"w"}"""));

        assertThat(rejectionOf(envelope).getReasonCode()).isEqualTo(DciReasonCode.ENCRYPTION_INVALID);
    }

    @Test
    void the_shipped_malformed_sample_is_rejected_with_every_problem_named() throws Exception {
        DciRejection rejection = catchThrowableOfType(DciRejection.class, () -> validator.parseAndValidate(
                DciOperation.CREATE_REFERRAL, Files.readString(Path.of("../samples/malformed-referral.json"))));

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(String.join("\n", rejection.getDetails()))
                .contains("message_ts").contains("total_count").contains("transaction_id").contains("person_id");
    }
}
