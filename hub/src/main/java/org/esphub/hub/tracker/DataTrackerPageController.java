package org.esphub.hub.tracker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.esphub.hub.api.DciApiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracker a caseworker (SA or PES) prints or saves as PDF and hands to the person: the same
 * released answer as the agency API, in plain language. Each view is audited like the API call.
 */
@RestController
@DciApiErrors
public class DataTrackerPageController {

    private static final String PATH = "/api/persons/{personId}/data-tracker";

    private final PersonDataTracker tracker;
    private final Clock clock;

    public DataTrackerPageController(PersonDataTracker tracker, Clock clock) {
        this.tracker = tracker;
        this.clock = clock;
    }

    // no "produces": a refusal is answered as JSON in the standard's format, whatever the browser accepts
    @GetMapping(PATH)
    public ResponseEntity<String> page(@PathVariable String personId, Authentication caller,
            @RequestHeader(name = PersonDataTracker.CORRELATION_HEADER, required = false) String correlationId) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(render(personId, caller, correlationId));
    }

    @GetMapping(PATH + ".pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String personId, Authentication caller,
            @RequestHeader(name = PersonDataTracker.CORRELATION_HEADER, required = false) String correlationId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"data-tracker.pdf\"")
                .body(TrackerPdf.of(render(personId, caller, correlationId)));
    }

    private String render(String personId, Authentication caller, String correlationId) {
        Map<String, Object> released = tracker.release(personId, caller.getName(), correlationId);
        return TrackerPage.xhtml(released, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
