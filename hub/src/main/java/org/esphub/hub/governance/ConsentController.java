package org.esphub.hub.governance;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.governance.consent.Consent;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.storage.StoredField;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent registry over HTTP: SA and PES caseworkers (HTTP basic, their Tasklist identity),
 * administrators and agency systems with scope {@code consent:manage} record consents, list a
 * person's consents and withdraw them. A withdrawal closes, in the same transaction, the running
 * referrals that relied on the consent.
 */
@RestController
@RequestMapping(path = "/api/consents", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsentController {

    static final String SEARCH_EXCHANGE = "api.search-consents";
    static final String PURPOSE = "CONSENT_ADMINISTRATION";

    private final ConsentRegistry consents;
    private final ConsentAdministration administration;
    private final ApiDisclosure disclosure;
    private final StrictJson json;
    private final Clock clock;

    public ConsentController(ConsentRegistry consents, ConsentAdministration administration, ApiDisclosure disclosure,
            StrictJson json, Clock clock) {
        this.consents = consents;
        this.administration = administration;
        this.disclosure = disclosure;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> record(@RequestBody(required = false) String body, Authentication caller,
            @RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
        Consent consent = administration.record(json.read(body, ConsentRequest.class).toNewConsent(), caller.getName(),
                CorrelationIds.orNew(correlationId));
        return ResponseEntity.created(URI.create("/api/consents/" + consent.id()))
                .body(ConsentJson.of(consent, clock.instant()));
    }

    /** A person's consents, newest first; a read of personal data, so it passes the gate and is audited. */
    @GetMapping
    public Map<String, Object> ofPerson(@RequestParam(name = "person_id") String personId, Authentication caller,
            @RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
        if (personId.isBlank()) {
            throw new BadGovernanceRequest(List.of("person_id: required"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("person_id", personId);
        answer.put("consents", consents.ofPerson(personId).stream().map(c -> ConsentJson.of(c, clock.instant())).toList());
        return disclosure.toApiCaller(SEARCH_EXCHANGE, PURPOSE, caller.getName(), personId, personId,
                CorrelationIds.orNew(correlationId), answer);
    }

    /**
     * Withdraws the consent from now on: later exchanges that need it are refused, and running
     * referrals of the person that relied on it are closed (SA is told why). Withdrawing again
     * changes nothing.
     */
    @PostMapping(path = "/{id}/withdrawal")
    public Map<String, Object> withdraw(@PathVariable String id, @RequestBody(required = false) String body,
            Authentication caller, @RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
        String reason = body == null || body.isBlank() ? null : json.read(body, WithdrawalRequest.class).reason();
        String problem = StoredField.WITHDRAWAL_REASON.problem("reason", reason);
        if (problem != null) {
            throw new BadGovernanceRequest(List.of(problem));
        }
        ConsentAdministration.Withdrawal outcome = administration.withdraw(id, caller.getName(), reason,
                CorrelationIds.orNew(correlationId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consent", ConsentJson.of(outcome.consent(), clock.instant()));
        answer.put("already_withdrawn", !outcome.changed());
        answer.put("referrals_closed", outcome.stoppedReferrals());
        return answer;
    }
}
