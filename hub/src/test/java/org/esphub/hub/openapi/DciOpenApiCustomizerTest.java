package org.esphub.hub.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.esphub.dci.CompanionOperation;
import org.junit.jupiter.api.Test;

/** The document without a running hub: what springdoc gets handed. */
class DciOpenApiCustomizerTest {

    private static final String BASE = "/dci/employment/v1.0.0";

    private final OpenAPI document = customised();

    private static OpenAPI customised() {
        OpenAPI document = new OpenAPI();
        new DciOpenApiCustomizer("/oauth2/client/token").customise(document);
        return document;
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.getPaths().values().forEach(item -> operations.addAll(item.readOperations()));
        return operations;
    }

    @Test
    void the_annexs_and_the_hubs_paths_are_under_the_base_path() {
        assertThat(document.getPaths()).containsOnlyKeys(BASE + "/referrals", BASE + "/status/{person_id}",
                BASE + "/status/verifications",
                BASE + "/training-benefits", BASE + "/job-placements", BASE + "/compliance/monitor",
                BASE + "/job-placements/{placement_id}", BASE + "/notifications", BASE + "/webhooks/subscription",
                BASE + "/webhooks/subscription/{subscription_id}", BASE + "/compliance-monitoring",
                BASE + "/employment-benefits", BASE + "/sa-access-requests", BASE + "/subsidy-applications",
                BASE + "/youth-referrals",
                BASE + "/return-to-work-referrals",
                BASE + "/subject-access-requests", BASE + "/subject-access-requests/{request_id}",
                BASE + "/subject-access-requests/{request_id}/export", BASE + "/restrictions",
                BASE + "/restrictions/{restriction_id}", BASE + "/restrictions/{restriction_id}/lift",
                BASE + "/persons/{person_id}/data-tracker",
                BASE + "/rectifications", BASE + "/rectifications/{rectification_id}");
        assertThat(operations()).hasSize(29);
    }

    @Test
    void every_operation_offers_the_annexs_bearer_or_client_credentials_with_one_scope() {
        assertThat(operations()).allSatisfy(operation -> {
            assertThat(operation.getSecurity()).hasSize(2);
            assertThat(operation.getSecurity().get(0)).containsEntry("Authorization", List.of());
            assertThat(operation.getSecurity().get(1).get(DciOpenApiCustomizer.CLIENT_CREDENTIALS)).hasSize(1);
            assertThat(operation.getResponses()).containsKeys("401", "403");
        });
        SecurityScheme scheme = document.getComponents().getSecuritySchemes().get(DciOpenApiCustomizer.CLIENT_CREDENTIALS);
        assertThat(scheme.getFlows().getClientCredentials().getTokenUrl()).isEqualTo("/oauth2/client/token");
        assertThat(scheme.getFlows().getClientCredentials().getScopes()).hasSize(17);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void schemas_the_annex_leaves_without_a_type_stay_without_one() {
        Schema body = document.getPaths().get(BASE + "/referrals").getPost().getRequestBody().getContent()
                .get("application/json").getSchema();
        Schema action = (Schema) ((Schema) ((Schema) body.getProperties().get("header")).getAllOf().get(1))
                .getProperties().get("action");

        assertThat(action.getType()).isNull();
        assertThat(action.getTypes()).isNull();
        assertThat(action.getEnum()).containsExactly("create-referral");
    }

    @Test
    void the_notifications_body_is_documented_as_the_schema_the_hub_checks_it_against() throws Exception {
        Schema<?> body = document.getPaths().get(BASE + "/notifications").getPost().getRequestBody().getContent()
                .get("application/json").getSchema();
        assertThat(body.get$ref()).isEqualTo("#/components/schemas/NotificationRequest");
        assertThat(document.getPaths().get(BASE + "/notifications").getPost().getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/NotificationResponse");

        JsonNode checked;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/notification.schema.json")) {
            checked = new ObjectMapper().readTree(in);
        }
        JsonNode checkedItem = checked.at("/properties/message/properties/notifications/items");
        Schema<?> item = document.getComponents().getSchemas().get("Notification");
        assertThat(item.getRequired()).containsExactlyInAnyOrderElementsOf(
                new ObjectMapper().convertValue(checkedItem.get("required"), List.class));
        assertThat(item.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                () -> checkedItem.get("properties").fieldNames());
        Schema<?> header = (Schema<?>) document.getComponents().getSchemas().get("NotificationRequest").getProperties()
                .get("header");
        assertThat(header.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                () -> checked.at("/properties/header/properties").fieldNames());
    }

    @Test
    void the_subsidy_applications_body_is_documented_as_the_schema_the_hub_checks_it_against() throws Exception {
        Schema<?> body = document.getPaths().get(BASE + "/subsidy-applications").getPost().getRequestBody()
                .getContent().get("application/json").getSchema();
        assertThat(body.get$ref()).isEqualTo("#/components/schemas/SubsidyApplicationRequest");

        JsonNode checked;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CompanionOperation.APPLY_SUBSIDY.schema())) {
            checked = new ObjectMapper().readTree(in);
        }
        JsonNode checkedItem = checked.at("/properties/message/properties/subsidy_application/items");
        Schema<?> item = document.getComponents().getSchemas().get("SubsidyApplicationItem");
        assertThat(item.getRequired()).containsExactlyInAnyOrderElementsOf(
                new ObjectMapper().convertValue(checkedItem.get("required"), List.class));
        assertThat(item.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                () -> checkedItem.get("properties").fieldNames());
        assertThat(item.getProperties().get("job").getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                () -> checkedItem.at("/properties/job/properties").fieldNames());
        Schema<?> header = (Schema<?>) document.getComponents().getSchemas().get("SubsidyApplicationRequest")
                .getProperties().get("header");
        assertThat(header.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                () -> checked.at("/properties/header/properties").fieldNames());
    }

    @Test
    void the_referral_list_uses_the_standards_pagination() {
        Schema<?> list = document.getComponents().getSchemas().get("ReferralList");

        assertThat(list.getProperties().get("pagination").get$ref()).isEqualTo("#/components/schemas/Pagination");
        assertThat(document.getComponents().getSchemas().get("Pagination").getRequired())
                .containsExactlyInAnyOrder("page_size", "page_number", "total_count");
    }
}
