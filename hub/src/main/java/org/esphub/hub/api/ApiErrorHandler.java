package org.esphub.hub.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.gate.ExchangeRefused;
import org.esphub.hub.webhooks.WebhookSubscriptionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of the agency API becomes the standard's {@code HttpErrorResponse} with a DCI
 * code; a rejected request has stored and started nothing. Unexpected faults are logged with
 * their stack trace here and never shown to the caller.
 */
@RestControllerAdvice(assignableTypes = {EmploymentApiController.class, CompanionSearchController.class,
        WebhookSubscriptionController.class}, annotations = DciApiErrors.class)
public class ApiErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(DciRejection.class)
    ResponseEntity<Map<String, Object>> rejected(DciRejection rejection) {
        List<String> messages = new ArrayList<>();
        messages.add(rejection.getMessage());
        messages.addAll(rejection.getDetails());
        HttpStatus status = rejection instanceof DciConflict ? HttpStatus.CONFLICT
                : statusOf(rejection.getReasonCode());
        return ResponseEntity.status(status)
                .body(DciHttpErrors.body(rejection.getReasonCode().code(), messages));
    }

    /** No data-sharing agreement lets this answer go to this caller; the refusal is in the audit log. */
    @ExceptionHandler(ExchangeRefused.class)
    ResponseEntity<Map<String, Object>> refused(ExchangeRefused refused) {
        return error(HttpStatus.FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN, refused.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        RequestBodyTooLarge tooLarge = RequestBodyTooLarge.in(e);
        if (tooLarge != null) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, DciReasonCode.REQUEST_BAD, tooLarge.getMessage());
        }
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD, "the request body is missing or unreadable");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, DciReasonCode.REQUEST_BAD,
                "send the DCI envelope as application/json");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() + ": not a valid value" : e.getMessage();
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD, message);
    }

    /** A required header missing, or a header or parameter that cannot be bound. */
    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Map<String, Object>> badBinding(ServletRequestBindingException e) {
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(DciHttpErrors.body(DciReasonCode.REQUEST_BAD, "the API answers application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, DciReasonCode.REQUEST_BAD, e.getMessage());
    }

    /** 503 only for what passes (retrying can succeed), 400 for a value the database refuses, else 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        return UnexpectedFailures.answer(e, LOG, "Agency API");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, DciReasonCode code, String message) {
        return ResponseEntity.status(status).body(DciHttpErrors.body(code, message));
    }

    static HttpStatus statusOf(DciReasonCode code) {
        return switch (code) {
            case REQUEST_UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case REQUEST_FORBIDDEN, SENDER_ID_INVALID -> HttpStatus.FORBIDDEN;
            case REQUEST_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case MESSAGE_ID_DUPLICATE -> HttpStatus.CONFLICT;
            case ACTION_NOT_SUPPORTED -> HttpStatus.NOT_IMPLEMENTED;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
