package org.esphub.hub.governance;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.governance.consent.Consent;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.consent.NewConsent;
import org.esphub.governance.consent.NotAPartyToConsent;
import org.esphub.governance.consent.UnknownConsent;
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
 * The consent registry over HTTP. SA and PES caseworkers (HTTP basic, their Tasklist identity)
 * and agency systems with scope {@code consent:manage} act for their agency's party
 * ({@link ConsentCallers}) and see, record and withdraw only consents under agreements that party
 * signed; auditors read every consent and change none. A withdrawal closes, in the same
 * transaction, the running referrals that relied on the consent.
 */
@RestController
@RequestMapping(path = "/api/consents", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsentController {

    static final String SEARCH_EXCHANGE = "api.search-consents";
    static final String PURPOSE = "CONSENT_ADMINISTRATION";
    /** A consent id is a UUID; a longer value is refused, not looked up. */
    private static final int MAX_ID = 255;

    private final ConsentRegistry consents;
    private final ConsentAdministration administration;
    private final ConsentCallers callers;
    private final ApiDisclosure disclosure;
    private final StrictJson json;
    private final Clock clock;

    public ConsentController(ConsentRegistry consents, ConsentAdministration administration, ConsentCallers callers,
            ApiDisclosure disclosure, StrictJson json, Clock clock) {
        this.consents = consents;
        this.administration = administration;
        this.callers = callers;
        this.disclosure = disclosure;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> record(@RequestBody(required = false) String body, Authentication caller,
            @RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
        NewConsent request = json.read(body, ConsentRequest.class).toNewConsent();
        ConsentCaller recorder = agency(caller);
        // the party with standing, if the caller has one; otherwise its first, which the registry refuses
        String party = recorder.partyAmong(consents.agreements().partiesWithStanding(request))
                .orElse(recorder.parties().iterator().next());
        Consent consent = administration.record(request, new ConsentActor(recorder.id(), party),
                CorrelationIds.orNew(correlationId));
        return ResponseEntity.created(URI.create("/api/consents/" + consent.id()))
                .body(ConsentJson.of(consent, clock.instant()));
    }

    /**
     * A person's consents, newest first: for an agency those under the agreements it is party to,
     * for an auditor all. A read of personal data, so it passes the gate and is audited.
     */
    @GetMapping
    public Map<String, Object> ofPerson(@RequestParam(name = "person_id") String personId, Authentication caller,
            @RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
        String problem = personId.isBlank() ? "person_id: required"
                : StoredField.PERSON_ID.problem("person_id", personId);
        if (problem != null) {
            throw new BadGovernanceRequest(List.of(problem));
        }
        ConsentCaller reader = callers.of(caller);
        if (!reader.auditor() && reader.parties().isEmpty()) {
            throw notAnAgency(reader);
        }
        List<Map<String, Object>> visible = consents.ofPerson(personId).stream()
                .filter(consent -> reader.auditor() || reader.parties().stream()
                        .anyMatch(party -> consents.hasStanding(party, consent)))
                .map(consent -> ConsentJson.of(consent, clock.instant()))
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("person_id", personId);
        answer.put("consents", visible);
        return disclosure.toApiCaller(SEARCH_EXCHANGE, PURPOSE, reader.id(), personId, personId,
                CorrelationIds.orNew(correlationId), answer);
    }

    /**
     * Withdraws the consent from now on, for the person (who may ask any agency of the agreements
     * relying on it): later exchanges that need it are refused, and running referrals of the person
     * that relied on it are closed (SA is told why). Withdrawing again changes nothing.
     */
    @PostMapping(path = "/{id}/withdrawal")
    public Map<String, Object> withdraw(@PathVariable String id, @RequestBody(required = false) String body,
            Authentication caller, @RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
        String reason = body == null || body.isBlank() ? null : json.read(body, WithdrawalRequest.class).reason();
        String problem = StoredField.WITHDRAWAL_REASON.problem("reason", reason);
        if (problem != null) {
            throw new BadGovernanceRequest(List.of(problem));
        }
        if (id.length() > MAX_ID) {
            throw new BadGovernanceRequest(List.of("id: at most " + MAX_ID + " characters"));
        }
        ConsentCaller withdrawer = agency(caller);
        Consent consent = consents.find(id).orElseThrow(() -> new UnknownConsent(id));
        String party = withdrawer.partyAmong(consents.agreements().partiesWithStanding(consent.purpose(),
                consent.scope())).orElseThrow(() -> new NotAPartyToConsent(withdrawer.id() + " acts for "
                        + withdrawer.parties() + ", none of which is a party of the agreements consent " + id
                        + " is given under; a party of those agreements withdraws it for the person"));
        ConsentAdministration.Withdrawal outcome = administration.withdraw(id, new ConsentActor(withdrawer.id(), party),
                reason, CorrelationIds.orNew(correlationId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consent", ConsentJson.of(outcome.consent(), clock.instant()));
        answer.put("already_withdrawn", !outcome.changed());
        answer.put("referrals_closed", outcome.stoppedReferrals());
        return answer;
    }

    /** A caller that changes consents must act for an agency; auditors and unmapped users do not. */
    private ConsentCaller agency(Authentication authentication) {
        ConsentCaller caller = callers.of(authentication);
        if (caller.parties().isEmpty()) {
            throw notAnAgency(caller);
        }
        return caller;
    }

    private static NotAPartyToConsent notAnAgency(ConsentCaller caller) {
        return new NotAPartyToConsent(caller.id() + " acts for no agency party (esp.agencies.group-parties,"
                + " esp.agencies.sender-ids), so it has no standing on any consent");
    }
}
