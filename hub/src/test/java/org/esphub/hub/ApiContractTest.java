package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.esphub.dci.DciAnnexBundle;
import org.esphub.dci.DciResponseValidator;
import org.esphub.dci.DciResponseValidator.DciResponse;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the running hub answers, held against the Employment-SP annex: its ACK and every error
 * body validate against the annex's response schemas, and the OpenAPI document it publishes
 * carries the annex's operations and schemas unchanged, plus the hub's own and the OAuth2
 * client-credentials scheme that Swagger UI's "Authorize" uses.
 */
@HubOnH2
class ApiContractTest {

    private static final String BASE = "/dci/employment/v1.0.0";
    private static final String REFERRALS = BASE + "/referrals";
    private static final List<String> ANNEX_PATHS =
            List.of("/referrals", "/status/{person_id}", "/training-benefits", "/job-placements", "/compliance/monitor");

    private final DciResponseValidator responses = new DciResponseValidator();

    @Value("${server.port}")
    private int port;

    private HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    // --- real answers against the annex's response schemas -------------------------------------

    @Test
    void the_ack_of_a_referral_matches_the_annexs_response() {
        ResponseEntity<JsonNode> ack = post(token("sa-system", "referral:create"), REFERRALS,
                Referrals.forPerson("10000000001").json());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(responses.problems(DciResponse.ACK, ack.getBody())).isEmpty();
    }

    @Test
    void bad_request_unauthorized_and_forbidden_bodies_match_the_annexs_error_response() {
        ResponseEntity<JsonNode> notJson = post(token("sa-system", "referral:create"), REFERRALS, "{\"header\": ");
        ResponseEntity<JsonNode> anonymous = post(null, REFERRALS, Referrals.forPerson("10000000001").json());
        ResponseEntity<JsonNode> wrongScope = post(token("tvet-provider", "benefit:manage"), REFERRALS,
                Referrals.forPerson("10000000001").json());

        assertError(notJson, 400);
        assertError(anonymous, 401);
        assertError(wrongScope, 403);
    }

    @Test
    void a_schema_violation_lists_every_failing_field_in_the_annexs_error_response() {
        Referral invalid = Referrals.forPerson("10000000001");
        ((ObjectNode) invalid.envelope().at("/message/referral_request/0"))
                .remove(List.of("person_id", "timestamp"));

        ResponseEntity<JsonNode> response = post(token("sa-system", "referral:create"), REFERRALS, invalid.json());

        assertError(response, 400);
        assertThat(response.getBody().get("errors").size()).isGreaterThan(1);
    }

    @Test
    void a_duplicate_message_body_matches_the_annexs_error_response() {
        String token = token("sa-system", "referral:create");
        Referral referral = Referrals.forPerson("10000000004");
        assertThat(post(token, REFERRALS, referral.json()).getStatusCode().value()).isEqualTo(200);

        assertError(post(token, REFERRALS, referral.json()), 409);
    }

    @Test
    void the_ack_of_a_training_request_matches_the_annexs_response() throws Exception {
        ObjectNode request = (ObjectNode) new ObjectMapper().readTree(Path.of("../samples/training-benefits.json")
                .toFile());
        String unique = UUID.randomUUID().toString();
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + unique).put("message_ts", Instant.now().toString());
        ((ObjectNode) request.at("/message/training_request/0")).put("reference_id", "TRN-" + unique);

        ResponseEntity<JsonNode> ack = post(token("pes-system", "benefit:manage"), BASE + "/training-benefits",
                request.toString());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(responses.problems(DciResponse.ACK, ack.getBody())).isEmpty();
        assertError(post(token("pes-system", "benefit:manage"), BASE + "/training-benefits", "{}"), 400);
    }

    @Test
    void no_operation_of_the_annex_or_the_companion_answers_not_supported() {
        for (String path : List.of("/training-benefits", "/job-placements", "/compliance/monitor", "/notifications",
                "/sa-access-requests")) {
            ResponseEntity<JsonNode> answer = post(token("pes-system", "benefit:manage placement:create"
                    + " notification:send sa-access:request"), BASE + path, "{}");
            assertThat(answer.getStatusCode().value()).as(path).isNotEqualTo(501);
        }
        assertThat(post(token("employer-system", Scopes.SUBSIDY_APPLY), BASE + "/subsidy-applications", "{}")
                .getStatusCode().value()).isNotEqualTo(501);
        assertThat(post(token("sa-system", Scopes.YOUTH_REFER), BASE + "/youth-referrals", "{}")
                .getStatusCode().value()).isNotEqualTo(501);
        assertThat(post(token("sa-system", Scopes.RETURN_TO_WORK_REFER), BASE + "/return-to-work-referrals", "{}")
                .getStatusCode().value()).isNotEqualTo(501);
    }

    @Test
    void the_ack_of_a_subsidy_application_matches_the_annexs_response() throws Exception {
        ObjectNode request = (ObjectNode) new ObjectMapper().readTree(Path.of("../samples/subsidy-application.json")
                .toFile());
        String unique = UUID.randomUUID().toString();
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + unique).put("message_ts", Instant.now().toString());
        ((ObjectNode) request.at("/message/subsidy_application/0")).put("reference_id", "SUB-" + unique);

        ResponseEntity<JsonNode> ack = post(token("employer-system", Scopes.SUBSIDY_APPLY), BASE + "/subsidy-applications",
                request.toString());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(responses.problems(DciResponse.ACK, ack.getBody())).isEmpty();
        assertError(post(token("employer-system", Scopes.SUBSIDY_APPLY), BASE + "/subsidy-applications", "{}"), 400);
    }

    // --- the published OpenAPI document ------------------------------------------------------

    @Test
    void the_document_and_swagger_ui_need_an_operator_login() {
        ResponseEntity<String> document = asOperator("/v3/api-docs", String.class);
        ResponseEntity<String> redirect = asOperator("/swagger-ui.html", String.class);
        ResponseEntity<String> ui = asOperator("/swagger-ui/index.html", String.class);
        ResponseEntity<JsonNode> uiConfig = asOperator("/v3/api-docs/swagger-config", JsonNode.class);

        assertThat(document.getStatusCode().value()).isEqualTo(200);
        assertThat(redirect.getStatusCode().value()).isIn(200, 302);
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");
        assertThat(uiConfig.getBody().path("url").asText()).isEqualTo("/v3/api-docs");
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/v3/api-docs/swagger-config")) {
            assertThat(hub.statusOf(path, null, null)).as(path).isEqualTo(401);
            assertThat(hub.statusOf(path, "pes-worker", HubClient.DEMO_PASSWORD)).as(path).isEqualTo(403);
        }
    }

    @Test
    void the_document_describes_the_dci_api_only_with_the_hubs_title_and_a_relative_server() {
        JsonNode document = apiDocs();

        assertThat(document.at("/info/title").asText()).isEqualTo("ESP Hub — DCI Employment-SP API");
        assertThat(document.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(names(document.get("paths"))).allSatisfy(path -> assertThat(path).startsWith(BASE + "/"));
    }

    @Test
    void the_annexs_five_paths_are_there_under_the_base_path_with_the_annexs_operations() throws Exception {
        JsonNode document = apiDocs();
        JsonNode annex = annex();

        for (String path : ANNEX_PATHS) {
            JsonNode published = document.get("paths").get(BASE + path);
            assertThat(published).as(path).isNotNull();
            for (String method : names(annex.get("paths").get(path))) {
                assertThat(published.at("/" + method + "/operationId").asText()).as(method + " " + path)
                        .isEqualTo(annex.get("paths").get(path).get(method).get("operationId").asText());
            }
        }
    }

    @Test
    void the_create_referral_request_schema_is_the_annexs() throws Exception {
        JsonNode document = apiDocs();
        JsonNode annex = annex();
        JsonNode body = document.at(pointer(BASE + "/referrals") + "/post/requestBody/content/application~1json/schema");

        assertThat(body.get("required")).containsExactlyInAnyOrderElementsOf(
                annex.at("/paths/~1referrals/post/requestBody/content/application~1json/schema/required"));
        JsonNode payload = resolve(document, body.at("/properties/message/oneOf/0"));
        JsonNode item = payload.at("/properties/referral_request/items");
        JsonNode annexItem = annex.at("/components/schemas/DO_EMPL_01_Request/properties/referral_request/items");
        assertThat(texts(item.get("required"))).contains("reference_id", "person_id", "sp_program_context")
                .containsExactlyInAnyOrderElementsOf(texts(annexItem.get("required")));
        assertThat(item.at("/properties/sp_program_context/properties/eligibility_status/enum"))
                .isEqualTo(annexItem.at("/properties/sp_program_context/properties/eligibility_status/enum"));
        // a schema the annex leaves without a type must not gain one on the way (swagger-core would add object)
        JsonNode action = body.at("/properties/header/allOf/1/properties/action");
        assertThat(action.has("type")).isFalse();
        assertThat(action.get("enum").get(0).asText()).isEqualTo("create-referral");
        assertThat(resolve(document, body.at("/properties/header/allOf/0")).get("required"))
                .containsExactlyInAnyOrderElementsOf(annexCommon("schema/MsgHeader_V1.0.0.yaml").get("required"));
    }

    @Test
    void the_annexs_ack_and_error_responses_are_published_unchanged() throws Exception {
        JsonNode document = apiDocs();
        JsonNode ok = resolve(document, document.at(pointer(BASE + "/referrals") + "/post/responses/200"));
        JsonNode error = resolve(document, document.at(pointer(BASE + "/referrals") + "/post/responses/401"));

        JsonNode message = ok.at("/content/application~1json/schema/properties/message");
        assertThat(texts(message.get("required"))).containsExactlyInAnyOrder("ack_status", "timestamp", "correlation_id");
        assertThat(resolve(document, message.at("/properties/ack_status")).get("enum"))
                .isEqualTo(annexCommon("schema/Ack.yaml").get("enum"));
        JsonNode errors = error.at("/content/application~1json/schema/properties/errors");
        assertThat(errors.has("type")).as("the annex gives errors no type").isFalse();
        assertThat(names(errors.at("/items/properties"))).containsExactly("code", "message");
    }

    @Test
    void every_component_of_the_annex_is_published_as_the_annex_has_it() {
        JsonNode published = apiDocs().get("components");
        JsonNode annex = DciAnnexBundle.load(List.of()).get("components");
        List<String> differences = new ArrayList<>();

        for (String section : List.of("schemas", "responses")) {
            annex.get(section).properties().forEach(component -> differ(section + "." + component.getKey(),
                    component.getValue(), published.path(section).path(component.getKey()), differences));
        }

        // swagger-core's model cannot hold an empty example of a date-time; nothing else may differ
        assertThat(differences).containsExactly("schemas.DateTime/example: missing");
    }

    @Test
    void every_operation_of_the_annex_is_published_as_the_annex_has_it_with_additions_only() {
        JsonNode published = apiDocs().get("paths");
        JsonNode annex = DciAnnexBundle.load(List.of()).get("paths");
        List<String> differences = new ArrayList<>();

        annex.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey() + " " + path.getKey();
            JsonNode publishedOperation = published.path(BASE + path.getKey()).path(operation.getKey());
            differ(where, operation.getValue(), publishedOperation, differences);
            // the annex's bearer requirement stays; client credentials with a scope are the alternative
            assertThat(publishedOperation.get("security")).as(where).contains(operation.getValue().get("security").get(0));
        }));

        assertThat(differences).allSatisfy(difference -> assertThat(difference)
                .matches(".*/responses/(409|501|503): added|.*/security: .* published as .*"));
    }

    @Test
    void every_operation_names_its_scope_and_answers_401_and_403_in_the_annexs_format() {
        JsonNode document = apiDocs();
        List<String> scopes = new ArrayList<>();

        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            JsonNode clientCredentials = null;
            for (JsonNode requirement : operation.getValue().get("security")) {
                clientCredentials = requirement.has("ClientCredentials") ? requirement.get("ClientCredentials")
                        : clientCredentials;
            }
            assertThat(clientCredentials).as(name).hasSize(1);
            scopes.add(clientCredentials.get(0).asText());
            for (String status : List.of("401", "403")) {
                assertThat(operation.getValue().at("/responses/" + status + "/$ref").asText()).as(name + " " + status)
                        .isEqualTo("#/components/responses/HttpErrorResponse");
            }
        }));

        assertThat(scopes).containsAll(List.of(Scopes.REFERRAL_CREATE, Scopes.REFERRAL_READ, Scopes.EMPLOYMENT_READ,
                Scopes.BENEFIT_MANAGE, Scopes.PLACEMENT_CREATE, Scopes.PLACEMENT_UPDATE, Scopes.COMPLIANCE_MONITOR,
                Scopes.NOTIFICATION_SEND, Scopes.WEBHOOK_MANAGE, Scopes.SA_ACCESS_REQUEST, Scopes.SUBSIDY_APPLY,
                Scopes.RETURN_TO_WORK_REFER, Scopes.PERSON_RIGHTS));
        assertThat(names(document.at("/components/securitySchemes/ClientCredentials/flows/clientCredentials/scopes")))
                .containsExactlyInAnyOrderElementsOf(scopes.stream().distinct().toList());
        assertThat(document.at(pointer(REFERRALS) + "/post/security/1/ClientCredentials/0").asText())
                .isEqualTo(Scopes.REFERRAL_CREATE);
    }

    @Test
    void the_hubs_own_operations_are_documented() {
        JsonNode paths = apiDocs().get("paths");

        assertThat(names(paths)).contains(BASE + "/job-placements/{placement_id}", BASE + "/notifications",
                BASE + "/webhooks/subscription", BASE + "/webhooks/subscription/{subscription_id}");
        assertThat(names(paths.get(BASE + "/referrals"))).containsExactlyInAnyOrder("get", "post");
        assertThat(paths.get(BASE + "/referrals").get("get").get("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("person_id", "reference_id", "page_size", "page_number");
        assertThat(names(paths.get(BASE + "/webhooks/subscription"))).containsExactlyInAnyOrder("get", "post");
        assertThat(names(paths.get(BASE + "/webhooks/subscription/{subscription_id}")))
                .containsExactlyInAnyOrder("put", "delete");
        assertThat(names(paths.get(BASE + "/job-placements/{placement_id}"))).containsExactly("put");
        assertThat(names(paths.get(BASE + "/notifications"))).containsExactly("post");
        assertThat(names(paths.get(BASE + "/sa-access-requests"))).containsExactly("post");
        assertThat(paths.at("/" + (BASE + "/sa-access-requests").replace("/", "~1")
                + "/post/security/1/ClientCredentials/0").asText()).isEqualTo(Scopes.SA_ACCESS_REQUEST);
        assertThat(names(paths.get(BASE + "/subsidy-applications"))).containsExactly("post");
        assertThat(paths.at("/" + (BASE + "/subsidy-applications").replace("/", "~1")
                + "/post/security/1/ClientCredentials/0").asText()).isEqualTo(Scopes.SUBSIDY_APPLY);
        assertThat(names(paths.get(BASE + "/youth-referrals"))).containsExactly("post");
        assertThat(paths.at("/" + (BASE + "/youth-referrals").replace("/", "~1")
                + "/post/security/1/ClientCredentials/0").asText()).isEqualTo(Scopes.YOUTH_REFER);
        assertThat(names(paths.get(BASE + "/return-to-work-referrals"))).containsExactly("post");
        assertThat(paths.at("/" + (BASE + "/return-to-work-referrals").replace("/", "~1")
                + "/post/security/1/ClientCredentials/0").asText()).isEqualTo(Scopes.RETURN_TO_WORK_REFER);
        assertThat(names(paths.get(BASE + "/subject-access-requests"))).containsExactly("post");
        assertThat(names(paths.get(BASE + "/subject-access-requests/{request_id}/export"))).containsExactly("get");
        assertThat(paths.at("/" + (BASE + "/subject-access-requests").replace("/", "~1")
                + "/post/security/1/ClientCredentials/0").asText()).isEqualTo(Scopes.PERSON_RIGHTS);
    }

    @Test
    void the_referral_list_as_documented_is_what_the_hub_answers() throws Exception {
        JsonNode document = apiDocs();
        JsonNode list = resolve(document,
                document.at(pointer(REFERRALS) + "/get/responses/200/content/application~1json/schema"));
        assertThat(texts(list.get("required"))).containsExactlyInAnyOrder("pagination", "referrals");
        assertThat(resolve(document, list.at("/properties/pagination")).get("required"))
                .containsExactlyInAnyOrderElementsOf(annexCommon("schema/Pagination.yaml").get("required"));

        JsonNode answer = hub.raw().get().uri(REFERRALS + "?page_size=5")
                .headers(h -> h.setBearerAuth(token("sa-system", "referral:read"))).retrieve().body(JsonNode.class);

        assertThat(names(answer)).containsExactlyInAnyOrder("pagination", "referrals");
        assertThat(names(answer.get("pagination"))).containsExactlyInAnyOrder("page_size", "page_number", "total_count");
    }

    @Test
    void a_token_from_the_documented_token_url_the_way_swagger_ui_asks_for_it_opens_the_api() {
        JsonNode flow = apiDocs().at("/components/securitySchemes/ClientCredentials/flows/clientCredentials");
        assertThat(flow.get("tokenUrl").asText()).isEqualTo("/oauth2/client/token");

        // Swagger UI's client-credentials flow: HTTP basic with client id and secret, form with grant and scopes
        String token = token(flow.get("tokenUrl").asText(), "sa-system", "referral:read");
        ResponseEntity<JsonNode> listed = hub.raw().get().uri(REFERRALS)
                .headers(h -> h.setBearerAuth(token)).retrieve().toEntity(JsonNode.class);

        assertThat(listed.getStatusCode().value()).isEqualTo(200);
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Differences of {@code published} from {@code annex}; {@code required} lists compare as sets. */
    private static void differ(String where, JsonNode annex, JsonNode published, List<String> differences) {
        if (published.isMissingNode()) {
            differences.add(where + ": missing");
        } else if (annex.isObject() && published.isObject()) {
            annex.properties().forEach(field ->
                    differ(where + "/" + field.getKey(), field.getValue(), published.path(field.getKey()), differences));
            names(published).stream().filter(name -> !annex.has(name))
                    .forEach(name -> differences.add(where + "/" + name + ": added"));
        } else if (where.endsWith("/required") && annex.isArray() && published.isArray()) {
            if (!new HashSet<>(texts(annex)).equals(new HashSet<>(texts(published)))) {
                differences.add(where + ": " + annex + " published as " + published);
            }
        } else if (annex.isArray() && published.isArray() && annex.size() == published.size()) {
            for (int i = 0; i < annex.size(); i++) {
                differ(where + "/" + i, annex.get(i), published.get(i), differences);
            }
        } else if (annex.isNumber() && published.isNumber() ? annex.decimalValue().compareTo(published.decimalValue()) != 0
                : !annex.equals(published)) {
            differences.add(where + ": " + annex + " published as " + published);
        }
    }

    private void assertError(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getBody().get("errors")).as("errors of " + response.getBody()).isNotEmpty();
        assertThat(responses.problems(DciResponse.HTTP_ERROR, response.getBody())).as("" + response.getBody())
                .isEmpty();
    }

    private JsonNode apiDocs() {
        return asOperator("/v3/api-docs", JsonNode.class).getBody();
    }

    /** The document and Swagger UI are for operators ({@code admin} in the demo). */
    private <T> ResponseEntity<T> asOperator(String path, Class<T> type) {
        return hub.raw().get().uri(path).headers(h -> h.setBasicAuth("admin", HubClient.DEMO_PASSWORD))
                .retrieve().toEntity(type);
    }

    private static JsonNode annex() throws Exception {
        return yaml("dci-spec/employment/employment_api_v1.0.0.yaml");
    }

    private static JsonNode annexCommon(String file) throws Exception {
        return yaml("dci-spec/common/" + file);
    }

    private static JsonNode yaml(String resource) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(ApiContractTest.class.getClassLoader().getResource(resource));
    }

    /** Follows a local $ref of the document, if {@code node} is one. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String pointer(String path) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private String token(String client, String scopes) {
        return token("/oauth2/client/token", client, scopes);
    }

    private String token(String tokenUrl, String client, String scopes) {
        return hub.clientToken(tokenUrl, client, scopes);
    }

    private ResponseEntity<JsonNode> post(String token, String path, String body) {
        return hub.raw().post().uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(JsonNode.class);
    }
}
