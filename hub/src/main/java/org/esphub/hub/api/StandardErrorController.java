package org.esphub.hub.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container answers when no controller did: a path nothing serves (404), a
 * request the firewall refused before any controller saw it ({@code ..}, {@code ;} or an encoded
 * slash in the path: 400), a method not allowed. It replaces Spring Boot's own error page, whose
 * body ({@code timestamp}, {@code path}, ...) is not the standard's, so that every answer of the
 * hub, wherever it fails, is an {@code HttpErrorResponse}.
 */
@RestController
public class StandardErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(DciHttpErrors.body(reasonOf(status).code(), List.of(messageOf(status))));
    }

    private static DciReasonCode reasonOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> DciReasonCode.REQUEST_UNAUTHORIZED;
            case FORBIDDEN -> DciReasonCode.REQUEST_FORBIDDEN;
            case NOT_FOUND -> DciReasonCode.REQUEST_NOT_FOUND;
            case TOO_MANY_REQUESTS -> DciReasonCode.REQUEST_TOO_MANY;
            default -> status.is5xxServerError() ? DciReasonCode.SERVICE_UNAVAILABLE : DciReasonCode.REQUEST_BAD;
        };
    }

    private static String messageOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "nothing is served at this path";
            case BAD_REQUEST -> "the request was refused before it reached the hub's API (e.g. '..', ';' or an"
                    + " encoded slash in the path)";
            case METHOD_NOT_ALLOWED -> "this path does not take that method";
            default -> status.getReasonPhrase();
        };
    }
}
