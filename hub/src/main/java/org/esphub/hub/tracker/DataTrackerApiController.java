package org.esphub.hub.tracker;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import java.util.Map;
import org.esphub.hub.api.DciApiErrors;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's data tracker for the agency that serves them (SA or PES, scope {@code person:rights}):
 * the hub's own operation next to the DCI API, answered in the standard's error format.
 */
@RestController
@DciApiErrors
public class DataTrackerApiController {

    private final PersonDataTracker tracker;

    public DataTrackerApiController(PersonDataTracker tracker) {
        this.tracker = tracker;
    }

    @GetMapping(path = API_BASE + "/persons/{personId}/data-tracker", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> dataTracker(@PathVariable String personId, Authentication caller,
            @RequestHeader(name = PersonDataTracker.CORRELATION_HEADER, required = false) String correlationId) {
        return tracker.release(personId, caller.getName(), correlationId);
    }
}
