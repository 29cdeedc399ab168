package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.AgreementLoader;
import org.esphub.governance.agreements.Coverage;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.agreements.Party;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every form says, next to each field, whether its value leaves the hub and to whom (forms/README.md):
 * a field whose value an exchange carries has the custom property {@code disclosedIn}
 * ({@code <agreement-id>/<exchange-name>}, several separated by a space) and a description starting
 * "Sent to " that names each exchange's receiver as its agreement names the party; a field that goes
 * nowhere says nothing of the kind.
 *
 * <p>Where a value goes is found from the models: a service task's input parameters are the payload its
 * worker hands to the route of the same name ({@code sa.notify-outcome} → {@code sa-notify-outcome}),
 * which sends them in snake_case; the agreement covering that route for the task's {@code purpose} lets
 * the field through or removes it. Values follow call activities both ways ({@code camunda:in},
 * {@code camunda:out}). What the hub itself sends (webhooks, API answers) is not derived here, so a form
 * may name more exchanges than this finds, never fewer.
 */
class EveryFormSaysWhereItsValuesGoTest {

    private static final String SENT_TO = "Sent to ";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, BpmnModelInstance> modelsByProcess;
    private static Map<String, JsonNode> formsById;
    private static AgreementCatalogue agreements;

    @BeforeAll
    static void readModelsFormsAndAgreements() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        modelsByProcess = new TreeMap<>();
        for (Resource resource : resolver.getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                modelsByProcess.put(model.getModelElementsByType(Process.class).iterator().next().getId(), model);
            }
        }
        formsById = new TreeMap<>();
        for (Resource resource : resolver.getResources("classpath*:forms/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode form = JSON.readTree(in);
                formsById.put(form.path("id").asText(), form);
            }
        }
        agreements = AgreementLoader.load(resolver, List.of("classpath*:agreements/*.yaml"));
        assertThat(modelsByProcess).as("models").isNotEmpty();
        assertThat(formsById).as("forms").isNotEmpty();
        assertThat(agreements.all()).as("agreements").isNotEmpty();
    }

    @Test
    void every_disclosure_names_an_exchange_of_an_agreement_and_its_receiver_in_a_description_starting_sent_to() {
        SoftAssertions softly = new SoftAssertions();
        formsById.forEach((formId, form) -> keyedFields(form).forEach(field -> {
            String where = formId + " / " + field.path("key").asText();
            String description = field.path("description").asText("");
            List<String> disclosures = disclosuresDeclaredBy(field);
            if (disclosures.isEmpty()) {
                softly.assertThat(description).as(where + ": a value that goes nowhere says nothing of the kind")
                        .doesNotContainIgnoringCase("sent to");
                return;
            }
            softly.assertThat(description).as(where + " description").startsWith(SENT_TO);
            for (String disclosure : disclosures) {
                String[] parts = disclosure.split("/", 2);
                Optional<AgreementExchange> exchange = agreements.byId(parts[0]).flatMap(agreement -> agreement
                        .exchanges().stream()
                        .filter(candidate -> parts.length == 2 && candidate.name().equals(parts[1]))
                        .findFirst());
                softly.assertThat(exchange).as(where + ": " + disclosure + " is <agreement-id>/<exchange-name> of an"
                        + " agreement").isPresent();
                exchange.ifPresent(found -> softly.assertThat(description)
                        .as(where + " names the receiver of " + disclosure)
                        .contains(receiverName(agreements.byId(parts[0]).orElseThrow(), found)));
            }
        }));
        softly.assertAll();
    }

    @Test
    void every_field_whose_value_a_worker_sends_out_names_each_exchange_that_carries_it() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Set<String>> foundByField = new TreeMap<>();
        formsById.forEach((formId, form) -> {
            List<String> users = new ArrayList<>();
            for (Map.Entry<String, BpmnModelInstance> model : modelsByProcess.entrySet()) {
                for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                    if (!formId.equals(task.getCamundaFormRef())) {
                        continue;
                    }
                    users.add(model.getKey() + " / " + task.getId());
                    for (JsonNode field : keyedFields(form)) {
                        String key = field.path("key").asText();
                        Set<String> found = new TreeSet<>();
                        for (String variable : processVariablesOf(task, key)) {
                            found.addAll(exchangesCarrying(model.getKey(), variable, new HashSet<>()));
                        }
                        foundByField.computeIfAbsent(formId + " / " + key, k -> new TreeSet<>()).addAll(found);
                        softly.assertThat(disclosuresDeclaredBy(field))
                                .as("%s / %s: exchanges carrying its value (used by %s)", formId, key, task.getId())
                                .containsAll(found);
                    }
                }
                // a start form (a paper application typed in Tasklist): its values are process variables as keyed
                for (StartEvent start : model.getValue().getModelElementsByType(StartEvent.class)) {
                    if (!formId.equals(start.getAttributeValueNs(CAMUNDA_NS, "formRef"))) {
                        continue;
                    }
                    users.add(model.getKey() + " / " + start.getId());
                    for (JsonNode field : keyedFields(form)) {
                        String key = field.path("key").asText();
                        Set<String> found = exchangesCarrying(model.getKey(), key, new HashSet<>());
                        foundByField.computeIfAbsent(formId + " / " + key, k -> new TreeSet<>()).addAll(found);
                        softly.assertThat(disclosuresDeclaredBy(field))
                                .as("%s / %s: exchanges carrying its value (used by %s)", formId, key, start.getId())
                                .containsAll(found);
                    }
                }
            }
            softly.assertThat(users).as("form %s is used by a human task or a start event", formId).isNotEmpty();
        });
        softly.assertAll();
        // the tracing must find something, or it would approve every form
        assertThat(foundByField.get(ReferralToPes.FORM_INTAKE_ASSESSMENT + " / " + ReferralToPes.VAR_NOTES))
                .contains("sa-pes-activation-referral/sa-notify-outcome");
        assertThat(foundByField.get(ReferralToPes.FORM_INTAKE_ASSESSMENT + " / " + ReferralToPes.VAR_WORK_READY))
                .isEmpty();
    }

    private static String receiverName(DataSharingAgreement agreement, AgreementExchange exchange) {
        return agreement.parties().stream().filter(party -> party.id().equals(exchange.receiver()))
                .map(Party::name).findFirst().orElseThrow();
    }

    // ---- where a value goes -----------------------------------------------------------------------------

    /** The field's value as process variables: the key itself and what the task's outputs make of it. */
    private static Set<String> processVariablesOf(UserTask task, String key) {
        Set<String> variables = new TreeSet<>(Set.of(key));
        inputOutput(task).ifPresent(io -> {
            for (CamundaOutputParameter output : io.getCamundaOutputParameters()) {
                if (references(output.getTextContent(), key)) {
                    variables.add(output.getCamundaName());
                }
            }
        });
        return variables;
    }

    /** The exchanges ({@code agreement/exchange}) that carry the variable, here and in called or calling processes. */
    private static Set<String> exchangesCarrying(String processKey, String variable, Set<String> visited) {
        Set<String> exchanges = new TreeSet<>();
        if (!visited.add(processKey + " " + variable)) {
            return exchanges;
        }
        BpmnModelInstance model = modelsByProcess.get(processKey);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            Optional<CamundaInputOutput> io = inputOutput(task);
            if (task.getCamundaTopic() == null || io.isEmpty()) {
                continue;
            }
            String route = task.getCamundaTopic().replace('.', '-');
            String purpose = property(task, ReferralToPes.PROPERTY_PURPOSE);
            for (CamundaInputParameter input : io.get().getCamundaInputParameters()) {
                if (!references(input.getTextContent(), variable)) {
                    continue;
                }
                agreements.coverageOf(route, purpose)
                        .filter(coverage -> carries(coverage.exchange(), snakeCase(input.getCamundaName())))
                        .map(EveryFormSaysWhereItsValuesGoTest::name)
                        .ifPresent(exchanges::add);
            }
        }
        // into the processes this one calls
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
                if (in.getCamundaTarget() != null && (variable.equals(in.getCamundaSource())
                        || references(in.getCamundaSourceExpression(), variable))) {
                    exchanges.addAll(exchangesCarrying(call.getCalledElement(), in.getCamundaTarget(), visited));
                }
            }
        }
        // back to the processes that call this one
        for (Map.Entry<String, BpmnModelInstance> caller : modelsByProcess.entrySet()) {
            for (CallActivity call : caller.getValue().getModelElementsByType(CallActivity.class)) {
                if (!processKey.equals(call.getCalledElement())) {
                    continue;
                }
                for (CamundaOut out : call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class)
                        .list()) {
                    if (out.getCamundaTarget() != null && (variable.equals(out.getCamundaSource())
                            || references(out.getCamundaSourceExpression(), variable))) {
                        exchanges.addAll(exchangesCarrying(caller.getKey(), out.getCamundaTarget(), visited));
                    }
                }
            }
        }
        return exchanges;
    }

    private static boolean carries(AgreementExchange exchange, String field) {
        return exchange.fields().contains(field) || exchange.fields().contains("*");
    }

    private static String name(Coverage coverage) {
        return coverage.agreement().id() + "/" + coverage.exchange().name();
    }

    /** True if an expression in the text reads the variable (by name, or by {@code getVariable('name')}). */
    private static boolean references(String text, String variable) {
        if (text == null) {
            return false;
        }
        String quoted = Pattern.quote(variable);
        Pattern name = Pattern.compile("(?<![\\w.'])" + quoted + "(?![\\w'])|'" + quoted + "'");
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            if (name.matcher(expressions.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static Optional<CamundaInputOutput> inputOutput(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return Optional.empty();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                .stream().findFirst();
    }

    private static String property(BaseElement element, String name) {
        return element.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    // ---- the forms ------------------------------------------------------------------------------------------

    private static List<JsonNode> keyedFields(JsonNode form) {
        List<JsonNode> fields = new ArrayList<>();
        collectKeyed(form.path("components"), fields);
        return fields;
    }

    private static void collectKeyed(JsonNode components, List<JsonNode> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.add(component);
            }
            collectKeyed(component.path("components"), fields);
        }
    }

    private static List<String> disclosuresDeclaredBy(JsonNode field) {
        String declared = field.path("properties").path("disclosedIn").asText("");
        return declared.isEmpty() ? List.of() : List.of(declared.split(" "));
    }
}
