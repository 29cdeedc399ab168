package org.esphub.hub.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.governance.ApiDisclosure;
import org.esphub.processes.IntegratedCase;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integrated case over HTTP, for SA and PES caseworkers and supervisors (their Tasklist login: HTTP
 * basic, or the Tasklist session from the case view page). {@code GET} answers the case view through the
 * data-sharing gate, under the reader's agency's exchange of {@code integrated-case-management}, so SA
 * never receives PES's case notes and every read is audited; {@code POST .../conference-requests} asks
 * for a case conference in the person's open case.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseViewController {

    static final String PURPOSE = "INTEGRATED_CASE_MANAGEMENT";

    private final CaseView view;
    private final ApiDisclosure disclosure;
    private final RuntimeService runtime;

    public CaseViewController(CaseView view, ApiDisclosure disclosure, @Lazy RuntimeService runtime) {
        this.view = view;
        this.disclosure = disclosure;
        this.runtime = runtime;
    }

    @GetMapping("/{personId}")
    public Map<String, Object> caseOf(@PathVariable String personId, Authentication caller) {
        CaseViewer viewer = viewerOf(caller);
        checked(personId);
        Map<String, Object> whole = view.of(personId, viewer).orElseThrow(() -> new NoCase(personId));
        return disclosure.toApiCaller(viewer.exchange(), PURPOSE, viewer.userId(), personId,
                IntegratedCase.REFERENCE_PREFIX + personId, UUID.randomUUID().toString(), whole);
    }

    /** Either side asks for a conference: both agencies get a conference task at once. */
    @PostMapping("/{personId}/conference-requests")
    public ResponseEntity<Map<String, Object>> requestConference(@PathVariable String personId, Authentication caller) {
        CaseViewer viewer = viewerOf(caller);
        checked(personId);
        String caseId = view.openCaseId(personId).orElseThrow(() -> new NoCase(personId));
        List<MessageCorrelationResult> taken = runtime.createMessageCorrelation(IntegratedCase.MESSAGE_CONFERENCE_REQUESTED)
                .processInstanceId(caseId).setVariable(IntegratedCase.VAR_CONFERENCE_REQUESTED_BY, viewer.userId())
                .correlateAllWithResult();
        if (taken.isEmpty()) {
            throw new ConferenceUnderWay(personId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reference_id", IntegratedCase.REFERENCE_PREFIX + personId);
        answer.put("conference", "REQUESTED");
        answer.put("requested_by", viewer.userId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    private static CaseViewer viewerOf(Authentication caller) {
        CaseViewer viewer = CaseViewer.of(caller);
        if (viewer == null) {
            throw new NotAnAgency();
        }
        return viewer;
    }

    private static void checked(String personId) {
        String problem = StoredField.PERSON_ID.problem("person_id", personId);
        if (problem != null) {
            throw new BadCaseRequest(problem);
        }
    }

    static final class BadCaseRequest extends RuntimeException {
        BadCaseRequest(String problem) {
            super(problem);
        }
    }

    static final class NoCase extends RuntimeException {
        NoCase(String personId) {
            super("no integrated case for person " + personId);
        }
    }

    static final class ConferenceUnderWay extends RuntimeException {
        ConferenceUnderWay(String personId) {
            super("a case conference is already under way in " + IntegratedCase.REFERENCE_PREFIX + personId
                    + "; ask again once both agencies have recorded its outcome");
        }
    }

    static final class NotAnAgency extends RuntimeException {
        NotAnAgency() {
            super("the case view is for SA and PES caseworkers and supervisors");
        }
    }
}
