package org.esphub.hub.intake;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

/**
 * Where a running case stands, in the words of its models: the names of the steps its processes
 * (the root and the ones it called, all under the case's business key) wait in now. A refusal that
 * says "the referral is at <i>Confirm the placement with the employer</i>" tells the sender what to
 * wait for; "not in the right stage" does not.
 */
@Component
public class CaseStage {

    private static final Set<String> CONTAINERS = Set.of("processDefinition", "subProcess", "callActivity",
            "multiInstanceBody");

    private final RuntimeService runtimeService;

    public CaseStage(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * The steps the case's running processes wait in, e.g. "Match a vacancy". None runs for a case whose
     * start is still queued (a referral starts after its intake committed), so that reads as its start.
     */
    public String of(String businessKey) {
        Set<String> steps = new LinkedHashSet<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list()) {
            ActivityInstance root = runtimeService.getActivityInstance(instance.getId());
            if (root != null) {
                collect(root, steps);
            }
        }
        return steps.isEmpty() ? "its start (no step running yet)" : String.join(", ", steps);
    }

    private static void collect(ActivityInstance scope, Set<String> steps) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            if (!CONTAINERS.contains(child.getActivityType())) {
                steps.add(nameOf(child.getActivityName(), child.getActivityId()));
            }
            collect(child, steps);
        }
        for (TransitionInstance waiting : scope.getChildTransitionInstances()) {
            steps.add(nameOf(waiting.getActivityName(), waiting.getActivityId()));
        }
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name.replaceAll("\\s+", " ");
    }
}
