package org.esphub.hub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.springframework.http.MediaType;

/**
 * The standard's {@code HttpErrorResponse}: {@code {"errors": [{"code": ..., "message": ...}]}}.
 * Every error the agency API gives, from security filters or controllers, has this shape.
 */
public final class DciHttpErrors {

    private DciHttpErrors() {
    }

    public static Map<String, Object> body(String code, String message) {
        return body(code, List.of(message));
    }

    /** One entry per problem, all with the same code (e.g. every failing field of a request). */
    public static Map<String, Object> body(String code, List<String> messages) {
        return Map.of("errors", messages.stream().map(m -> Map.of("code", code, "message", m)).toList());
    }

    public static Map<String, Object> body(DciReasonCode code, String message) {
        return body(code.code(), message);
    }

    /** Writes the error directly, for filters that run before Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, int status, DciReasonCode code,
            String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), body(code, message));
    }
}
