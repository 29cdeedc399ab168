package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.compliance.ComplianceEpisodeFeed;
import org.esphub.hub.compliance.ComplianceRequest;
import org.esphub.hub.compliance.ComplianceRequests;
import org.esphub.hub.outcomes.CallbackItem;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.hub.webhooks.WebhookEvents;
import org.esphub.processes.AgencyKind;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /compliance/monitor} (PRS.EMPL.05): an agency that refers asks the hub to monitor the
 * activation obligations of persons it referred. An item is about a person under activation the
 * sender referred (an active referral); any other is refused on its own. An accepted item is handed
 * to that referral's compliance episode in the same transaction, or held until the episode starts
 * when the activation plan is agreed ({@link ComplianceEpisodeFeed}, ADR 0040); the episode's
 * assessment is called back then. An item whose reference_id is known adds nothing.
 *
 * <p>Taken as every API item is ({@link ApiItemIntake}): validated against the annex (at most 100
 * items), the sender admitted, every item through the data-sharing gate (exchange {@link #EXCHANGE},
 * audited as the hub taking it in) before the message's ledger row, a resent message_id refused, all
 * in one transaction. This class is the per-item step: what it stores of an item is what the gate
 * released. Each item's outcome is called back to {@code sender_uri} ({@code on-assess-compliance},
 * compliance_status PENDING or the refusal) and raised as {@code compliance_alert}.
 */
@Service
public class ComplianceIntake implements ApiItemOperation<ComplianceIntake.Taken> {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceIntake.class);
    /** The agreements' name of this operation. */
    static final String EXCHANGE = "api.assess-compliance";
    static final String PURPOSE = "ACTIVATION_COMPLIANCE";
    /** An item about a person the sender has no active referral for. */
    public static final String NO_REFERRAL = "rjct.compliance.no_referral";
    /** The callback's field for a taken item's state: nobody has assessed it yet. */
    static final String COMPLIANCE_STATUS = "compliance_status";
    // compliance is monitored under the referrals SA made: the agency that refers asks for it
    private static final ApiItemTerms TERMS = new ApiItemTerms(DciOperation.ASSESS_COMPLIANCE,
            Set.of(AgencyKind.SA), "only the agencies that refer persons ask for their compliance monitoring",
            EXCHANGE, PURPOSE, AuditAction.CREATE, "the compliance request has items the hub cannot take; nothing"
            + " was stored");

    private final ApiItemIntake intake;
    private final AgencySenders agencySenders;
    private final ComplianceRequests requests;
    private final ComplianceEpisodeFeed episodes;
    private final DciCallbacks callbacks;
    private final ReferralWebhooks webhooks;

    public ComplianceIntake(ApiItemIntake intake, AgencySenders agencySenders, ComplianceRequests requests,
            ComplianceEpisodeFeed episodes, DciCallbacks callbacks, ReferralWebhooks webhooks) {
        this.intake = intake;
        this.agencySenders = agencySenders;
        this.requests = requests;
        this.episodes = episodes;
        this.callbacks = callbacks;
        this.webhooks = webhooks;
    }

    /**
     * What happened to one item: what its sender is told, and the request the hub stored (null for an
     * item known before).
     */
    public record Taken(CallbackItem told, ComplianceRequest request) {
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public void accept(String body, String clientId, String correlationId) {
        intake.take(this, body, clientId, correlationId);
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    /** Beyond the ids: an assessment period of real dates, in order. */
    @Override
    public void addProblems(JsonNode item, String at, List<String> problems) {
        JsonNode period = item.path("assessment_period");
        LocalDate start = parse(period.path("start_date"), at + "assessment_period.start_date", problems);
        LocalDate end = parse(period.path("end_date"), at + "assessment_period.end_date", problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(at + "assessment_period: end_date is before start_date");
        }
    }

    @Override
    public Taken accept(ApiItem item, AdmittedMessage message) {
        // the log's reference and correlation id, as the referral intake's lines have them
        try (ReferralLogContext context = ReferralLogContext.open(item.referenceId(), message.correlationId())) {
            return take(item, message);
        }
    }

    @SuppressWarnings("unchecked")
    private Taken take(ApiItem item, AdmittedMessage message) {
        String referenceId = item.referenceId();
        String personId = item.personId();
        if (requests.exists(referenceId)) {
            LOG.info("compliance request {}: taken before; nothing new", referenceId);
            return new Taken(CallbackItem.known(referenceId, personId), null);
        }
        // what the hub keeps is what the agreement lets through
        Map<String, Object> kept = item.released();
        Map<String, Object> period = kept.get("assessment_period") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        List<String> areas = kept.get("compliance_areas") instanceof List<?> list
                ? list.stream().map(String::valueOf).distinct().toList() : List.of();
        List<String> senders = List.copyOf(agencySenders.senderIdsOf(message.clientId()));
        String referral = requests.activeReferralOf(personId, senders);
        String reason = referral == null ? "person " + personId + " has no active referral from "
                + String.join(", ", senders) + "; compliance is monitored for persons under activation" : null;
        ComplianceRequest request = new ComplianceRequest(referenceId, personId, message.senderId(),
                message.messageId(), message.correlationId(), referral, date(period.get("start_date")),
                date(period.get("end_date")), areas, (String) kept.get("requested_assessment"),
                referral == null ? ComplianceRequest.REJECTED : ComplianceRequest.RECEIVED,
                referral == null ? NO_REFERRAL : null, reason, message.receivedAt());
        requests.insert(request);
        LOG.info("compliance request {}: received from {} (message {}), {}", referenceId, message.senderId(),
                message.messageId(), reason == null ? "accepted for the monitoring of referral " + referral
                        : "refused: " + reason);
        CallbackItem told = reason == null
                ? new CallbackItem(referenceId, personId, CallbackItem.ACCEPTED, null, null,
                        Map.of(COMPLIANCE_STATUS, ComplianceRequest.PENDING))
                : CallbackItem.rejected(referenceId, personId, NO_REFERRAL, reason);
        return new Taken(told, request);
    }

    /**
     * The PENDING answer (callback and {@code compliance_alert}) of every new item, then each accepted
     * one handed to its episode: an assessment the episode runs at once answers again with its result,
     * after the PENDING one.
     */
    @Override
    public void report(AdmittedMessage message, List<Taken> outcomes) {
        callbacks.queueOutcomes(message.envelope(), CallbackItems.ON_ASSESS_COMPLIANCE, message.correlationId(),
                outcomes.stream().map(Taken::told).toList());
        List<ComplianceRequest> stored = outcomes.stream().map(Taken::request)
                .filter(Objects::nonNull).toList();
        for (ComplianceRequest request : stored) {
            webhooks.aboutRequestOf(request.senderId(), WebhookEvents.COMPLIANCE_ALERT, alert(request));
        }
        stored.forEach(episodes::feed);
    }

    private static Map<String, Object> alert(ComplianceRequest request) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("reference_id", request.referenceId());
        alert.put("person_id", request.personId());
        alert.put("correlation_id", request.correlationId());
        alert.put("status", request.status());
        if (request.rejectionReason() == null) {
            alert.put(COMPLIANCE_STATUS, ComplianceRequest.PENDING);
        } else {
            alert.put("reason", request.rejectionReason());
        }
        return alert;
    }

    private static LocalDate parse(JsonNode value, String path, List<String> problems) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            problems.add(path + ": '" + value.asText() + "' is not an ISO date (yyyy-mm-dd)");
            return null;
        }
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
    }
}
