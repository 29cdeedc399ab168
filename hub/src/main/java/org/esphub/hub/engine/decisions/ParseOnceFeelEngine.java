package org.esphub.hub.engine.decisions;

import camundajar.impl.scala.util.Either;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The FEEL interpreter as the engine's DMN integration builds it (its functions and value
 * mappers, external functions off, the system clock), except that it takes its parses from
 * {@link ParsedFeelExpressions}: the interpreter's own evaluation methods parse through these two
 * methods, so every evaluation path gets the parse-once behaviour and nothing else changes.
 */
final class ParseOnceFeelEngine extends FeelEngine {

    private final ParsedFeelExpressions parsed;

    ParseOnceFeelEngine(FunctionProvider functions, ValueMapper values, ParsedFeelExpressions parsed) {
        super(functions, values, new FeelEngine.Configuration(false), FeelEngineClock.SystemClock$.MODULE$);
        this.parsed = parsed;
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
        return parsed.unaryTests(expression, super::parseUnaryTests);
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
        return parsed.expression(expression, super::parseExpression);
    }
}
