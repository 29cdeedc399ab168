package org.esphub.hub.rights;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.api.DciApiErrors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rectification (DG.EMPL.05): SA or PES asks, for a person, that a field be corrected (scope
 * {@code person:rights}); the field's source agency checks it, and once corrected every agency that received
 * the old value is told the new one. The agency that asked follows the state and sees who was told.
 */
@RestController
@DciApiErrors
@RequestMapping(path = API_BASE + RectificationController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class RectificationController {

    static final String PATH = "/rectifications";

    private final Rectifications rectifications;

    public RectificationController(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> request(@RequestBody JsonNode body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        Rectifications.Status status = rectifications.receive(caller.getName(), RectificationBody.of(body),
                SubjectAccessRequestController.correlationOf(correlationId));
        return ResponseEntity.accepted().location(URI.create(API_BASE + PATH + "/" + status.id()))
                .body(describe(status));
    }

    @GetMapping("/{rectification_id}")
    public Map<String, Object> status(@PathVariable("rectification_id") String id, Authentication caller) {
        return describe(rectifications.status(caller.getName(), id).orElseThrow(() -> new DciRejection(
                DciReasonCode.REQUEST_NOT_FOUND, "no rectification " + id + " of yours")));
    }

    private static Map<String, Object> describe(Rectifications.Status status) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("rectification_id", status.id());
        described.put("person_id", status.personId());
        described.put("field", status.field());
        described.put("source_agency", status.sourceAgency());
        described.put("status", status.state());
        described.put("version", status.version());
        described.put("requested_at", status.requestedAt().toString());
        described.put("due_at", status.dueAt().toString());
        described.put("decided_at", status.decidedAt() == null ? null : status.decidedAt().toString());
        described.put("receivers_told", status.receiversTold());
        return described;
    }
}
