package org.esphub.simulators.pes;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.SimulatorQueues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play PES's system referring a jobseeker it serves to social assistance
 * (pes-client-sa-access): the referral goes to the hub as the event {@code SocialAssistanceAccessRequested}
 * with the person, the running PES case and a reason code, never the case notes.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class PesSaAccessController {

    static final String REQUESTED_EVENT = "SocialAssistanceAccessRequested";
    static final Set<String> REASONS = Set.of("economic_hardship", "specific_program_eligibility", "client_request");

    private final PesEventPublisher publisher;
    private final ObjectMapper objectMapper;

    PesSaAccessController(PesEventPublisher publisher, ObjectMapper objectMapper) {
        this.publisher = publisher;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/sim/pes/sa-access-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage refer(@RequestBody ReferralRequest request) {
        for (String[] field : new String[][] {{"reference_id", request.referenceId()}, {"person_id", request.personId()},
                {"given_name", request.givenName()}, {"family_name", request.familyName()},
                {"pes_case_id", request.pesCaseId()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new InvalidRequestException("referral.invalid", field[0] + " is required.");
            }
        }
        String reason = request.referralReason() == null ? "economic_hardship" : request.referralReason();
        if (!REASONS.contains(reason)) {
            throw new InvalidRequestException("referral.invalid", "referral_reason must be one of " + REASONS);
        }
        ObjectNode event = objectMapper.createObjectNode().put("event_type", REQUESTED_EVENT)
                .put("reference_id", request.referenceId()).put("person_id", request.personId())
                .put("given_name", request.givenName()).put("family_name", request.familyName())
                .put("pes_case_id", request.pesCaseId()).put("referral_reason", reason);
        return new AcceptedMessage(publisher.publish(event, null), SimulatorQueues.PES_EVENTS_IN);
    }

    /** {@code referral_reason} defaults to {@code economic_hardship}. */
    record ReferralRequest(
            @JsonProperty("reference_id") String referenceId,
            @JsonProperty("person_id") String personId,
            @JsonProperty("given_name") String givenName,
            @JsonProperty("family_name") String familyName,
            @JsonProperty("pes_case_id") String pesCaseId,
            @JsonProperty("referral_reason") String referralReason) {
    }
}
