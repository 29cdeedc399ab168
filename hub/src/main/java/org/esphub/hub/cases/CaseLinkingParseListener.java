package org.esphub.hub.cases;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.esphub.processes.IntegratedCase;

/**
 * Hooks the integrated case into the models by their keys, so that no model names a hub bean: the start,
 * the steps with an agency and the end of every linked process ({@link CaseLinks}), the start of a case, and
 * the agreement of a plan version ({@link PlanVersions}).
 */
final class CaseLinkingParseListener extends AbstractBpmnParseListener {

    private final ExecutionListener linkOnceNamed;
    private final ExecutionListener closeIfLastEnded;
    private final ExecutionListener onCaseStart;
    private final ExecutionListener recordPlanVersion;

    CaseLinkingParseListener(CaseLinks links, PlanVersions plans) {
        this.linkOnceNamed = links::linkOnceNamed;
        this.closeIfLastEnded = links::closeIfLastEnded;
        this.onCaseStart = links::onCaseStart;
        this.recordPlanVersion = plans::record;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (IntegratedCase.LINKED_PROCESS_KEYS.contains(processDefinition.getKey())) {
            processDefinition.addListener(ExecutionListener.EVENTNAME_START, linkOnceNamed);
            processDefinition.addListener(ExecutionListener.EVENTNAME_END, closeIfLastEnded);
        } else if (IntegratedCase.PROCESS_KEY.equals(processDefinition.getKey())) {
            processDefinition.addListener(ExecutionListener.EVENTNAME_START, onCaseStart);
        }
    }

    /** A referral learns the person's names from SA's profile, a step after its start. */
    @Override
    public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                && IntegratedCase.LINKED_PROCESS_KEYS.contains(definition.getKey())) {
            activity.addListener(ExecutionListener.EVENTNAME_END, linkOnceNamed);
        }
    }

    @Override
    public void parseIntermediateThrowEvent(Element intermediateEventElement, ScopeImpl scope, ActivityImpl activity) {
        if (IntegratedCase.PLAN_AGREED.equals(activity.getId())
                && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                && IntegratedCase.PROCESS_KEY.equals(definition.getKey())) {
            activity.addListener(ExecutionListener.EVENTNAME_START, recordPlanVersion);
        }
    }
}
