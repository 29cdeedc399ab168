package org.esphub.hub.engine.decisions;

import camundajar.impl.scala.util.Either;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The parsed form of every FEEL text the decisions evaluate, kept so that each text is parsed once
 * instead of on every evaluation (a profile of the referral path found FEEL parsing to be a tenth
 * of the hub's CPU: the engine's FEEL integration parses the input expressions and the rules' tests
 * again on each evaluation). A parse depends on the text alone and its result is immutable, so one
 * parse serves every evaluation on every thread. Failures are kept too: the text fails the same way
 * each time.
 *
 * <p>The texts come from deployed models, so they are few; a redeployment with new texts adds its
 * own. Beyond {@code capacity} texts of a kind, new ones are parsed on each evaluation as before
 * rather than held without bound.
 */
public final class ParsedFeelExpressions {

    private final int capacity;
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

    public ParsedFeelExpressions(int capacity) {
        this.capacity = capacity;
    }

    Either<Failure, ParsedExpression> unaryTests(String text, Function<String, Either<Failure, ParsedExpression>> parser) {
        return parsedOnce(unaryTests, text, parser);
    }

    Either<Failure, ParsedExpression> expression(String text, Function<String, Either<Failure, ParsedExpression>> parser) {
        return parsedOnce(expressions, text, parser);
    }

    /** Texts held, of both kinds. */
    public int size() {
        return unaryTests.size() + expressions.size();
    }

    private Either<Failure, ParsedExpression> parsedOnce(Map<String, Either<Failure, ParsedExpression>> parsed,
            String text, Function<String, Either<Failure, ParsedExpression>> parser) {
        if (text == null) {
            return parser.apply(null);
        }
        Either<Failure, ParsedExpression> known = parsed.get(text);
        if (known != null) {
            return known;
        }
        Either<Failure, ParsedExpression> parsedNow = parser.apply(text);
        if (parsed.size() < capacity) {
            parsed.putIfAbsent(text, parsedNow);
        }
        return parsedNow;
    }
}
