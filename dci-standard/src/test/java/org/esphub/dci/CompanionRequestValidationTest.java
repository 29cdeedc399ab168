package org.esphub.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The companion operations are parsed and refused by the same validator as the annex's, each against its own schema. */
class CompanionRequestValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DciRequestValidator validator = new DciRequestValidator(MAPPER, 100);

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) MAPPER.readTree(Path.of("../samples", name).toFile());
    }

    private DciRejection rejectionOf(CompanionOperation operation, String body) {
        return catchThrowableOfType(DciRejection.class, () -> validator.parseAndValidate(operation, body));
    }

    @Test
    void the_shipped_samples_are_valid_companion_requests() throws Exception {
        assertThatCode(() -> validator.parseAndValidate(CompanionOperation.SEND_NOTIFICATION,
                sample("notification.json").toString())).doesNotThrowAnyException();
        assertThatCode(() -> validator.parseAndValidate(CompanionOperation.UPDATE_PLACEMENT,
                sample("job-placement-update.json").toString())).doesNotThrowAnyException();
        assertThatCode(() -> validator.parseAndValidate(CompanionOperation.APPLY_SUBSIDY,
                sample("subsidy-application.json").toString())).doesNotThrowAnyException();
        assertThatCode(() -> validator.parseAndValidate(CompanionOperation.REFER_YOUTH,
                sample("youth-referral.json").toString())).doesNotThrowAnyException();
    }

    @Test
    void text_that_is_not_a_json_object_is_a_bad_request_as_for_the_annex() {
        assertThat(rejectionOf(CompanionOperation.SEND_NOTIFICATION, "{\"header\": {").getMessage())
                .startsWith("body is not valid JSON");
        assertThat(rejectionOf(CompanionOperation.UPDATE_PLACEMENT, "[1]").getReasonCode())
                .isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(rejectionOf(CompanionOperation.UPDATE_PLACEMENT, null).getReasonCode())
                .isEqualTo(DciReasonCode.REQUEST_BAD);
    }

    @Test
    void another_operations_action_is_an_invalid_action_naming_the_request() throws Exception {
        ObjectNode notification = sample("notification.json");
        ((ObjectNode) notification.get("header")).put("action", "update-placement");

        DciRejection rejection = rejectionOf(CompanionOperation.SEND_NOTIFICATION, notification.toString());

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.ACTION_INVALID);
        assertThat(rejection.getMessage()).isEqualTo("header.action is 'update-placement' but POST /notifications"
                + " takes 'send-notification'");
    }

    @Test
    void a_notification_without_its_type_names_the_field_and_the_schema() throws Exception {
        ObjectNode notification = sample("notification.json");
        ((ObjectNode) notification.at("/message/notifications/0")).remove("notification_type");

        DciRejection rejection = rejectionOf(CompanionOperation.SEND_NOTIFICATION, notification.toString());

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(rejection.getMessage()).isEqualTo("request does not match the notifications"
                + " (classpath:schemas/notification.schema.json); nothing was stored");
        assertThat(rejection.getDetails()).anySatisfy(detail -> assertThat(detail)
                .contains("$.message.notifications[0]").contains("notification_type"));
    }

    @Test
    void a_placement_update_of_more_than_one_item_is_refused_by_its_schema() throws Exception {
        ObjectNode update = sample("job-placement-update.json");
        ((ObjectNode) update.get("header")).put("total_count", 2);

        DciRejection rejection = rejectionOf(CompanionOperation.UPDATE_PLACEMENT, update.toString());

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.REQUEST_BAD);
        assertThat(rejection.getMessage()).isEqualTo("request does not match the placement update"
                + " (classpath:schemas/placement-update.schema.json); nothing was changed");
        assertThat(rejection.getDetails()).anySatisfy(detail -> assertThat(detail).contains("$.header.total_count"));
    }

    @Test
    void each_companion_operation_declares_its_action_and_items_once() {
        assertThat(CompanionOperation.SEND_NOTIFICATION.action()).isEqualTo("send-notification");
        assertThat(CompanionOperation.SEND_NOTIFICATION.itemsField()).isEqualTo("notifications");
        assertThat(CompanionOperation.UPDATE_PLACEMENT.action()).isEqualTo("update-placement");
        assertThat(CompanionOperation.UPDATE_PLACEMENT.itemsField()).isEqualTo("placement_update");
    }
}
