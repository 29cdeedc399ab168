package org.esphub.hub.governance;

import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.governance.audit.AuditUnavailable;
import org.esphub.governance.consent.InvalidConsent;
import org.esphub.governance.consent.NotAPartyToConsent;
import org.esphub.governance.consent.UnknownConsent;
import org.esphub.governance.gate.ExchangeRefused;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.api.RequestBodyTooLarge;
import org.esphub.hub.api.UnexpectedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of the governance API as JSON ({@code {"errors": [{"code", "message"}]}}, the
 * same shape as the agency API), whatever the request accepted; a refused request changed
 * nothing. Unexpected faults are logged here with their stack trace, never shown.
 */
@RestControllerAdvice(assignableTypes = {AgreementController.class, ConsentController.class, AuditController.class})
public class GovernanceApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(GovernanceApiErrors.class);

    @ExceptionHandler(BadGovernanceRequest.class)
    ResponseEntity<Map<String, Object>> bad(BadGovernanceRequest e) {
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD.code(), e.problems());
    }

    @ExceptionHandler(InvalidConsent.class)
    ResponseEntity<Map<String, Object>> invalidConsent(InvalidConsent e) {
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD.code(), e.problems());
    }

    @ExceptionHandler({UnknownConsent.class, AgreementController.NoSuchAgreement.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, DciReasonCode.REQUEST_NOT_FOUND.code(), List.of(e.getMessage()));
    }

    /** The caller's agency has no standing on the consent; nothing was changed. */
    @ExceptionHandler(NotAPartyToConsent.class)
    ResponseEntity<Map<String, Object>> notAParty(NotAPartyToConsent e) {
        return error(HttpStatus.FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN.code(), List.of(e.getMessage()));
    }

    /** The agreements do not allow this answer to this caller; the refusal is in the audit log. */
    @ExceptionHandler(ExchangeRefused.class)
    ResponseEntity<Map<String, Object>> refused(ExchangeRefused e) {
        return error(HttpStatus.FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN.code(), List.of(e.getMessage()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        HttpMessageNotReadableException.class, ServletRequestBindingException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        RequestBodyTooLarge tooLarge = RequestBodyTooLarge.in(e);
        if (tooLarge != null) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, DciReasonCode.REQUEST_BAD.code(), List.of(tooLarge.getMessage()));
        }
        // the value is not repeated: it may be a megabyte long
        String message = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() + ": not a valid value"
                : e instanceof MissingServletRequestParameterException missing
                        ? missing.getParameterName() + ": required"
                        : e instanceof ServletRequestBindingException binding ? binding.getMessage()
                                : "the request body is unreadable";
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD.code(), List.of(message));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, DciReasonCode.REQUEST_BAD.code(),
                List.of("send the body as application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, DciReasonCode.REQUEST_BAD.code(), List.of(e.getMessage()));
    }

    /** The audit record could not be made durable, so the operation did not happen. */
    @ExceptionHandler(AuditUnavailable.class)
    ResponseEntity<Map<String, Object>> auditUnavailable(AuditUnavailable e) {
        LOG.error("Governance API request refused: audit log unavailable", e);
        return error(HttpStatus.SERVICE_UNAVAILABLE, DciReasonCode.SERVICE_UNAVAILABLE.code(),
                List.of("the audit log cannot record the request now; nothing was done, please retry"));
    }

    /** 503 only for what passes (retrying can succeed), 400 for a value the database refuses, else 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        return UnexpectedFailures.answer(e, LOG, "Governance API");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, List<String> messages) {
        // JSON also when the request asked for CSV: an error is never a spreadsheet
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(DciHttpErrors.body(code, messages));
    }
}
