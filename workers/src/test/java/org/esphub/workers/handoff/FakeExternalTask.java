package org.esphub.workers.handoff;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * An external task as the client hands it to a handler, holding only what the hand-off reads.
 * The client library ships no public implementation; anything the hand-off should not need
 * throws, so a test notices when it starts to depend on more.
 */
final class FakeExternalTask implements ExternalTask {

    private final String topicName;
    private final String businessKey;
    private final String activityId;
    private final Map<String, TypedValue> variables = new HashMap<>();
    private final Map<String, String> extensionProperties = new HashMap<>();
    private Integer retries;
    private String activityInstanceId;

    private FakeExternalTask(String topicName, String businessKey, String activityId) {
        this.topicName = topicName;
        this.businessKey = businessKey;
        this.activityId = activityId;
        this.activityInstanceId = activityId + ":ai-1";
    }

    static FakeExternalTask on(String topicName, String businessKey, String activityId) {
        return new FakeExternalTask(topicName, businessKey, activityId);
    }

    FakeExternalTask variable(String name, Object value) {
        variables.put(name, Variables.untypedValue(value));
        return this;
    }

    /** A JSON variable as the client hands it over: typed JSON whose value is the JSON text. */
    FakeExternalTask jsonVariable(String name, String json) {
        variables.put(name, ClientValues.jsonValue(json));
        return this;
    }

    /** The activity instance: a new one each time the process reaches the step again. */
    FakeExternalTask activityInstance(String activityInstanceId) {
        this.activityInstanceId = activityInstanceId;
        return this;
    }

    FakeExternalTask extensionProperty(String name, String value) {
        extensionProperties.put(name, value);
        return this;
    }

    /** Retries as the engine reports them: null until the first failure was reported. */
    FakeExternalTask retries(Integer retries) {
        this.retries = retries;
        return this;
    }

    @Override
    public String getTopicName() {
        return topicName;
    }

    @Override
    public String getBusinessKey() {
        return businessKey;
    }

    @Override
    public String getActivityId() {
        return activityId;
    }

    @Override
    public String getProcessInstanceId() {
        return "pi-" + businessKey;
    }

    @Override
    public String getId() {
        return "task-" + businessKey + "-" + activityId;
    }

    @Override
    public Integer getRetries() {
        return retries;
    }

    @Override
    public Map<String, Object> getAllVariables() {
        // the client returns a fresh map; the hand-off must not rely on being able to change it
        Map<String, Object> values = new HashMap<>();
        variables.forEach((name, value) -> values.put(name, value.getValue()));
        return Map.copyOf(values);
    }

    @Override
    public String getExtensionProperty(String name) {
        return extensionProperties.get(name);
    }

    @Override
    public Map<String, String> getExtensionProperties() {
        return Map.copyOf(extensionProperties);
    }

    @Override
    public String getActivityInstanceId() {
        return activityInstanceId;
    }

    @Override
    public String getErrorMessage() {
        throw unused();
    }

    @Override
    public String getErrorDetails() {
        throw unused();
    }

    @Override
    public String getExecutionId() {
        throw unused();
    }

    @Override
    public Date getLockExpirationTime() {
        throw unused();
    }

    @Override
    public Date getCreateTime() {
        throw unused();
    }

    @Override
    public String getProcessDefinitionId() {
        throw unused();
    }

    @Override
    public String getProcessDefinitionKey() {
        throw unused();
    }

    @Override
    public String getProcessDefinitionVersionTag() {
        throw unused();
    }

    @Override
    public String getWorkerId() {
        throw unused();
    }

    @Override
    public String getTenantId() {
        throw unused();
    }

    @Override
    public long getPriority() {
        throw unused();
    }

    @Override
    public <T> T getVariable(String name) {
        throw unused();
    }

    @Override
    public <T extends TypedValue> T getVariableTyped(String name) {
        throw unused();
    }

    @Override
    public <T extends TypedValue> T getVariableTyped(String name, boolean deserializeObjectValue) {
        throw unused();
    }

    @Override
    public VariableMap getAllVariablesTyped() {
        VariableMap typed = Variables.createVariables();
        variables.forEach(typed::putValueTyped);
        return typed;
    }

    @Override
    public VariableMap getAllVariablesTyped(boolean deserializeObjectValues) {
        throw unused();
    }

    @Override
    public String toString() {
        return getId();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the hand-off does not read this");
    }
}
