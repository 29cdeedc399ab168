package org.esphub.workers.handoff;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.client.exception.EngineException;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;

/**
 * Records what a handler reports to the engine. Only the three reports the hand-off is meant to
 * make are accepted; any other call throws, so a test fails when the hand-off reports otherwise.
 */
final class RecordingExternalTaskService implements ExternalTaskService {

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private volatile boolean modelCatchesNoError;
    private final java.util.concurrent.atomic.AtomicInteger conflictsToRaise = new java.util.concurrent.atomic.AtomicInteger();

    /** The next {@code count} completions fail as a join reached concurrently makes them fail. */
    void conflictOnNextCompletions(int count) {
        conflictsToRaise.set(count);
    }

    private volatile boolean taskGone;

    /** From now on the engine answers as it does for a task whose process was cancelled or moved on. */
    void taskIsGone() {
        taskGone = true;
    }

    /** From now on the engine refuses BPMN errors as the hub's engine does when the model catches none. */
    void modelCatchesNoError() {
        modelCatchesNoError = true;
    }

    List<Report> reports() {
        return reports;
    }

    /** The one report a hand-off must make per task. */
    Report onlyReport() {
        if (reports.size() != 1) {
            throw new AssertionError("expected exactly one report to the engine, got " + reports);
        }
        return reports.get(0);
    }

    @Override
    public void complete(ExternalTask task, Map<String, Object> variables) {
        if (taskGone) {
            throw new NotFoundException("TASK/CLIENT-01008 Exception while completing the external task: External task"
                    + " with id " + task.getId() + " does not exist", new RestException("Not Found",
                    "RestException", 404));
        }
        if (conflictsToRaise.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new EngineException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed. Entity was updated"
                    + " by another transaction concurrently.", new RestException("Internal Server Error",
                    "OptimisticLockingException", 500));
        }
        reports.add(new Completed(task, variables));
    }

    @Override
    public void handleBpmnError(ExternalTask task, String errorCode, String errorMessage) {
        if (modelCatchesNoError) {
            throw new EngineException("Execution throws an error event with errorCode '" + errorCode
                    + "', but no error handler was defined.", new RestException("Internal Server Error",
                    "ProcessEngineException", 500));
        }
        reports.add(new BpmnError(task, errorCode, errorMessage));
    }

    @Override
    public void handleFailure(ExternalTask task, String errorMessage, String errorDetails, int retries, long retryTimeout) {
        reports.add(new Failure(task, errorMessage, errorDetails, retries, retryTimeout));
    }

    sealed interface Report permits Completed, BpmnError, Failure {
    }

    record Completed(ExternalTask task, Map<String, Object> variables) implements Report {
    }

    record BpmnError(ExternalTask task, String errorCode, String errorMessage) implements Report {
    }

    record Failure(ExternalTask task, String errorMessage, String errorDetails, int retries, long retryTimeout)
            implements Report {
    }

    @Override
    public void lock(String externalTaskId, long lockDuration) {
        throw unexpected();
    }

    @Override
    public void lock(ExternalTask externalTask, long lockDuration) {
        throw unexpected();
    }

    @Override
    public void unlock(ExternalTask externalTask) {
        throw unexpected();
    }

    @Override
    public void complete(ExternalTask externalTask) {
        throw unexpected();
    }

    @Override
    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        throw unexpected();
    }

    @Override
    public void setVariables(ExternalTask externalTask, Map<String, Object> variables) {
        throw unexpected();
    }

    @Override
    public void complete(ExternalTask externalTask, Map<String, Object> variables, Map<String, Object> localVariables) {
        throw unexpected();
    }

    @Override
    public void complete(String externalTaskId, Map<String, Object> variables, Map<String, Object> localVariables) {
        throw unexpected();
    }

    @Override
    public void handleFailure(String externalTaskId, String errorMessage, String errorDetails, int retries, long retryTimeout) {
        throw unexpected();
    }

    @Override
    public void handleFailure(String externalTaskId, String errorMessage, String errorDetails, int retries,
            long retryTimeout, Map<String, Object> variables, Map<String, Object> localVariables) {
        throw unexpected();
    }

    @Override
    public void handleBpmnError(ExternalTask externalTask, String errorCode) {
        throw unexpected();
    }

    @Override
    public void handleBpmnError(ExternalTask externalTask, String errorCode, String errorMessage, Map<String, Object> variables) {
        throw unexpected();
    }

    @Override
    public void handleBpmnError(String externalTaskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        throw unexpected();
    }

    @Override
    public void extendLock(ExternalTask externalTask, long newDuration) {
        throw unexpected();
    }

    @Override
    public void extendLock(String externalTaskId, long newDuration) {
        throw unexpected();
    }

    private static UnsupportedOperationException unexpected() {
        return new UnsupportedOperationException("the hand-off reports with complete, handleBpmnError or handleFailure only");
    }
}
