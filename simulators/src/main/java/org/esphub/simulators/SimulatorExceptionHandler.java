package org.esphub.simulators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jms.JmsException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of a simulator endpoint into {@code {"error": ..., "message": ...}} with a
 * fitting status; callers never see a stack trace (the log does).
 *
 * <p>Scoped to the simulator packages so the hub's own endpoints keep their error format, and
 * ordered first so a catch-all advice of the hub does not shadow these handlers.
 */
@RestControllerAdvice(basePackageClasses = SimulatorExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnSimulatorsEnabled
public class SimulatorExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SimulatorExceptionHandler.class);

    @ExceptionHandler(SimulatorException.class)
    ResponseEntity<ApiError> refused(SimulatorException e) {
        return respond(e.status(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, "request.malformed", "The request body is not the expected JSON.");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestValueException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return respond(HttpStatus.BAD_REQUEST, "request.invalid", e.getMessage());
    }

    @ExceptionHandler(JmsException.class)
    ResponseEntity<ApiError> brokerUnavailable(JmsException e) {
        log.error("Simulator could not reach the message broker", e);
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "queue.unavailable",
                "The message broker is not reachable; try again later.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        // Spring MVC's own refusals (wrong Content-Type, unacceptable Accept, ...) keep their 4xx status.
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            return respond(refusal.getStatusCode(), "request.invalid", e.getMessage());
        }
        log.error("Unexpected simulator failure", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error",
                "The simulator failed unexpectedly; see its log.");
    }

    private static ResponseEntity<ApiError> respond(HttpStatusCode status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
