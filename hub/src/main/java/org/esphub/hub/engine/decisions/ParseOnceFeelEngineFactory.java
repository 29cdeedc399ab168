package org.esphub.hub.engine.decisions;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Gives every DMN engine of the hub (the process engine's and the start-up warm-up's) one FEEL
 * engine over one {@link ParsedFeelExpressions}, so the texts the warm-up parsed are already parsed
 * when the first referral's eligibility is decided.
 *
 * <p>The engine is the standard {@link ScalaFeelEngine} (its variable contexts, value mappers and
 * error messages) with its interpreter swapped for {@link ParseOnceFeelEngine}. The hub declares
 * no custom FEEL functions.
 */
public final class ParseOnceFeelEngineFactory implements FeelEngineFactory {

    private final FeelEngine engine;

    public ParseOnceFeelEngineFactory(ParsedFeelExpressions parsed) {
        this.engine = new ParseOnceScalaFeelEngine(parsed);
    }

    @Override
    public FeelEngine createInstance() {
        return engine;
    }

    private static final class ParseOnceScalaFeelEngine extends ScalaFeelEngine {

        ParseOnceScalaFeelEngine(ParsedFeelExpressions parsed) {
            super(List.of());
            // the same value mappers and function transformer the superclass gave its interpreter
            CompositeValueMapper values = new CompositeValueMapper(getValueMappers());
            feelEngine = new ParseOnceFeelEngine(new CustomFunctionTransformer(List.of(), values), values, parsed);
        }
    }
}
