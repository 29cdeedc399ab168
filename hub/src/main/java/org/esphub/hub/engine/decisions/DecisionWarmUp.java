package org.esphub.hub.engine.decisions;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Evaluates every deployed decision once while the hub starts, before it reports ready: the
 * engine's FEEL interpreter loads and compiles on its first evaluation, which otherwise fell on
 * the first referral after a boot (its eligibility check took seconds instead of a tenth of one;
 * bench/first-referral.sh measures it).
 *
 * <p>Nothing is recorded: the decisions are parsed from their deployed models and evaluated by a
 * DMN engine of their own, which shares the process engine's FEEL engine (so every FEEL text of the
 * models is parsed by the time the hub is ready, {@link ParsedFeelExpressions}) but none of its
 * history listeners. (The process engine's own
 * DMN engine records each evaluation as decision history, so it refuses to evaluate outside a
 * command; an earlier version of this warm-up used it, failed before reaching FEEL and so warmed
 * nothing: the first eligibility check still took over a second.) Every variable a decision asks
 * for is null, so each input expression and each rule's tests are parsed and evaluated once (the
 * models guard against missing facts); a decision that still cannot decide has loaded what it
 * needs all the same.
 */
@Component
class DecisionWarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionWarmUp.class);

    /** Answers null for whatever name an expression asks for. */
    private static final VariableContext EVERY_VARIABLE_NULL = new VariableContext() {
        @Override
        public TypedValue resolve(String variableName) {
            return Variables.untypedNullValue();
        }

        @Override
        public boolean containsVariable(String variableName) {
            return true;
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }
    };

    private final ProcessEngine engine;
    private final ParseOnceFeelEngineFactory feel;

    /** Parses the decision and evaluates it once with every fact missing; returns its result. */
    static DmnDecisionResult rehearse(DmnEngine dmn, String key, InputStream model) {
        DmnDecision decision = dmn.parseDecision(key, model);
        return dmn.evaluateDecision(decision, EVERY_VARIABLE_NULL);
    }

    DecisionWarmUp(ProcessEngine engine, ParseOnceFeelEngineFactory feel) {
        this.engine = engine;
        this.feel = feel;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        DmnEngine dmn = DecisionEngineConfiguration.decisionEngine(feel).buildEngine();
        RepositoryService repository = engine.getRepositoryService();
        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion().list();
        for (DecisionDefinition definition : decisions) {
            try (InputStream model = repository.getDecisionModel(definition.getId())) {
                rehearse(dmn, definition.getKey(), model);
            } catch (Exception notDecided) {
                // no result is needed: with every fact missing a decision may find no rule or
                // several; its expressions were parsed and evaluated all the same
                LOG.debug("Warm-up of decision {}: {}", definition.getKey(), notDecided.toString());
            }
        }
        LOG.info("Decision engine warmed up with {} decisions in {} ms", decisions.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
