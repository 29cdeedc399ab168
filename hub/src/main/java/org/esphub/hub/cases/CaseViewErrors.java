package org.esphub.hub.cases;

import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.governance.gate.ExchangeRefused;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.api.UnexpectedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The case API's refusals in the standard's error format; nothing changed, no stack trace leaves. */
@RestControllerAdvice(assignableTypes = CaseViewController.class)
public class CaseViewErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CaseViewErrors.class);

    @ExceptionHandler(CaseViewController.BadCaseRequest.class)
    ResponseEntity<Map<String, Object>> bad(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD, e.getMessage());
    }

    @ExceptionHandler(CaseViewController.NoCase.class)
    ResponseEntity<Map<String, Object>> none(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, DciReasonCode.REQUEST_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CaseViewController.ConferenceUnderWay.class)
    ResponseEntity<Map<String, Object>> underWay(RuntimeException e) {
        return error(HttpStatus.CONFLICT, DciReasonCode.REQUEST_BAD, e.getMessage());
    }

    /** Not an agency's caseworker, or the agreement does not release the view (the refusal is audited). */
    @ExceptionHandler({CaseViewController.NotAnAgency.class, ExchangeRefused.class})
    ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, DciReasonCode.REQUEST_BAD, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        return UnexpectedFailures.answer(e, LOG, "Case API");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, DciReasonCode code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(DciHttpErrors.body(code.code(), List.of(message)));
    }
}
