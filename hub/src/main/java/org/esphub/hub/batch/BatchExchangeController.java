package org.esphub.hub.batch;

import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The batch exchanges and their reconciliation reports, read-only, for the people who answer for
 * the exchanges: operators, process owners and auditors (ApiSecurityConfiguration). A report
 * names referrals and reasons, so agencies' caseworkers read theirs in their own outbox instead.
 */
@RestController
@RequestMapping(path = "/api/batch-exchanges", produces = MediaType.APPLICATION_JSON_VALUE)
public class BatchExchangeController {

    private final BatchExchangeStore store;

    BatchExchangeController(BatchExchangeStore store) {
        this.store = store;
    }

    /** The newest exchanges first, with their counts; {@code /{id}} has each record's outcome. */
    @GetMapping
    public List<BatchExchange> newest(@RequestParam(defaultValue = "100") int limit) {
        return store.newest(Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> one(@PathVariable String id) {
        return store.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, DciReasonCode.REQUEST_NOT_FOUND.code(),
                        "no batch exchange with id '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<?> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, DciReasonCode.REQUEST_BAD.code(), e.getName() + ": not a valid value");
    }

    private static ResponseEntity<?> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }
}
