package org.esphub.hub.rights;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.restriction.ProcessingRestrictions;
import org.esphub.governance.restriction.Restriction;
import org.esphub.hub.api.DciApiErrors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Restrictions of processing (DG.EMPL.05): SA or PES opens one for a person who disputes their data, for the
 * disputed purposes (scope {@code person:rights}); while it is open the data-sharing gate holds the exchanges
 * about the person for those purposes, except those the agreements mark essential to keep benefits paid.
 * Lifting it (by the client that opened it) makes the held steps due at once.
 */
@RestController
@DciApiErrors
@RequestMapping(path = API_BASE + RestrictionController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class RestrictionController {

    static final String PATH = "/restrictions";

    private final ProcessingRestrictions restrictions;
    private final AgreementCatalogue agreements;
    private final RightsRequesters requesters;
    private final HeldExchanges held;

    public RestrictionController(ProcessingRestrictions restrictions, AgreementCatalogue agreements,
            RightsRequesters requesters, HeldExchanges held) {
        this.restrictions = restrictions;
        this.agreements = agreements;
        this.requesters = requesters;
        this.held = held;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> open(@RequestBody JsonNode body, Authentication caller) {
        RightsRequesters.Requester requester = requesters.of(caller.getName());
        RestrictionBody request = RestrictionBody.of(body, agreements.purposes());
        Restriction opened = restrictions.open(request.personId(), request.purposes(), request.reason(),
                caller.getName(), requester.senderId());
        return ResponseEntity.created(URI.create(API_BASE + PATH + "/" + opened.id())).body(describe(opened, 0));
    }

    @GetMapping("/{restriction_id}")
    public Map<String, Object> find(@PathVariable("restriction_id") String id, Authentication caller) {
        Restriction restriction = ownedBy(caller, id);
        return describe(restriction, restriction.open() ? held.of(restriction.personId()).size() : 0);
    }

    @PostMapping("/{restriction_id}/lift")
    @Transactional
    public Map<String, Object> lift(@PathVariable("restriction_id") String id, Authentication caller) {
        Restriction restriction = ownedBy(caller, id);
        Restriction lifted = restrictions.lift(restriction.id(), caller.getName()).orElseThrow();
        Map<String, Object> described = describe(lifted, 0);
        described.put("resumed_steps", held.resume(lifted.personId()));
        return described;
    }

    /** Only the client that opened a restriction sees and lifts it; another's is not found. */
    private Restriction ownedBy(Authentication caller, String id) {
        return restrictions.find(id).filter(restriction -> restriction.openedBy().equals(caller.getName()))
                .orElseThrow(() -> new DciRejection(DciReasonCode.REQUEST_NOT_FOUND, "no restriction " + id + " of yours"));
    }

    private static Map<String, Object> describe(Restriction restriction, int heldSteps) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("restriction_id", restriction.id());
        described.put("person_id", restriction.personId());
        described.put("purposes", restriction.purposes());
        described.put("reason", restriction.reason());
        described.put("status", restriction.open() ? "OPEN" : "LIFTED");
        described.put("opened_at", restriction.openedAt().toString());
        described.put("lifted_at", restriction.liftedAt() == null ? null : restriction.liftedAt().toString());
        if (restriction.open()) {
            described.put("held_steps", heldSteps);
        }
        return described;
    }
}
