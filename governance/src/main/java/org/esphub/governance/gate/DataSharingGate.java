package org.esphub.governance.gate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.Coverage;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditLog;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.consent.ConsentCheck;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.restriction.ProcessingRestrictions;
import org.esphub.governance.restriction.Restriction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one point every outbound exchange passes: Camel routes (through the route configuration
 * in {@code camel-routes/data-sharing-gate.yaml}), webhook deliveries and API answers.
 *
 * <p>In order: an agreement must name the exchange, for the declared purpose, be in force and
 * name the receiver; where it requires consent, the person's consent must be valid now (given by
 * a guardian for a minor); then the payload is cut down to the agreement's fields. Either way the
 * decision is written to the audit log, durably, before the caller sends anything or reports
 * the refusal.
 */
public class DataSharingGate {

    /** The field of a notice that explains an automated decision to the person it is about. */
    public static final String EXPLANATION = "explanation";


    private static final Logger LOG = LoggerFactory.getLogger(DataSharingGate.class);

    private final AgreementCatalogue agreements;
    private final ConsentRegistry consents;
    private final ConsentCheck consentCheck;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ProcessingRestrictions restrictions;

    /** A gate that knows no restriction of processing (the other rules' tests). */
    public DataSharingGate(AgreementCatalogue agreements, ConsentRegistry consents, ConsentCheck consentCheck,
            AuditLog audit, Clock clock, MeterRegistry metrics) {
        this(agreements, consents, consentCheck, audit, clock, metrics, ProcessingRestrictions.none());
    }

    /**
     * @param metrics where each decision's time, audit commit included, is published
     *     ({@code esp.gate.release}, tagged with the outcome)
     * @param restrictions the open restrictions of processing, which hold exchanges about a person
     */
    public DataSharingGate(AgreementCatalogue agreements, ConsentRegistry consents, ConsentCheck consentCheck,
            AuditLog audit, Clock clock, MeterRegistry metrics, ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.agreements = agreements;
        this.consents = consents;
        this.consentCheck = consentCheck;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @return the payload to send and what it was released under; the audit record is committed
     * @throws ExchangeRefused if the exchange may not happen (the refusal is committed to the audit log)
     * @throws org.esphub.governance.audit.AuditUnavailable if the decision could not be recorded:
     *     nothing may be sent, the caller treats it as a technical fault
     */
    public Release release(ExchangeRequest request) {
        Timer.Sample timing = Timer.start(metrics);
        String outcome = "refused";
        try {
            Release release = decide(request);
            outcome = "released";
            return release;
        } finally {
            timing.stop(Timer.builder("esp.gate.release").description("a gate decision, audit commit included")
                    .tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(metrics));
        }
    }

    private Release decide(ExchangeRequest request) {
        Instant now = clock.instant();
        List<Coverage> named = agreements.coverageOf(request.exchange());
        if (named.isEmpty()) {
            throw refuse(request, null, now, RefusalReason.NO_AGREEMENT,
                    "no data-sharing agreement names this exchange (add one under agreements/)");
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            throw refuse(request, null, now, RefusalReason.PURPOSE_NOT_DECLARED,
                    "the caller declared no purpose (a service task declares it in its 'purpose' property)");
        }
        Optional<Coverage> covered = agreements.coverageOf(request.exchange(), request.purpose());
        if (covered.isEmpty()) {
            TreeSet<String> purposes = new TreeSet<>();
            named.forEach(coverage -> purposes.addAll(coverage.exchange().purposes()));
            throw refuse(request, null, now, RefusalReason.PURPOSE_NOT_COVERED, "purpose " + request.purpose()
                    + " is not covered; the agreements allow this exchange for " + purposes);
        }
        Coverage coverage = covered.get();
        DataSharingAgreement agreement = coverage.agreement();
        AgreementExchange exchange = coverage.exchange();
        if (!agreement.inForceOn(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw refuse(request, coverage, now, RefusalReason.AGREEMENT_NOT_IN_FORCE, "agreement "
                    + agreement.reference() + " is in force from " + agreement.validFrom() + " to "
                    + agreement.validUntil());
        }
        if (request.receivers() != null && !request.receivers().contains(exchange.receiver())) {
            throw refuse(request, coverage, now, RefusalReason.RECEIVER_NOT_COVERED, "the agreement gives this"
                    + " exchange to " + exchange.receiver() + ", not to " + request.receivers());
        }
        if (!exchange.keepsBenefitsPaid()) {
            Optional<Restriction> restriction = restrictions.restricting(request.personId(), request.purpose());
            if (restriction.isPresent()) {
                ExchangeHeld held = new ExchangeHeld(request.exchange(), "processing of the person's data for "
                        + request.purpose() + " is restricted while they dispute it (restriction "
                        + restriction.get().id() + "); held until it is lifted");
                throw refuse(request, coverage, now, held);
            }
        }
        String consentId = null;
        if (exchange.needsConsent()) {
            if (request.personId() == null || request.personId().isBlank()) {
                throw refuse(request, coverage, now, RefusalReason.PERSON_NOT_IDENTIFIED,
                        "consent is required but the exchange names no person");
            }
            ConsentCheck.Verdict verdict = consentCheck.check(consents.ofPerson(request.personId(), request.purpose()),
                    exchange.receiver(), request.subjectBirthDate(), now);
            if (!verdict.granted()) {
                throw refuse(request, coverage, now, verdict.refusal(), verdict.explanation());
            }
            consentId = verdict.consent().id();
        }
        FieldFilter.Filtered filtered = FieldFilter.apply(request.payload(), exchange.fields());
        if (exchange.partnerField() != null && partnerOf(filtered.payload(), exchange) == null) {
            throw refuse(request, coverage, now, RefusalReason.PARTNER_NOT_NAMED, "the agreement gives this exchange"
                    + " to one of the " + exchange.receiver() + ", named by " + exchange.partnerField()
                    + "; the payload names none");
        }
        AuditEntry recorded = audit.record(event(request, coverage, now, AuditOutcome.RELEASED,
                explanationOf(filtered.payload()), AuditEvent.filters(filtered.removed()), consentId,
                PayloadDigest.of(filtered.payload())));
        if (!filtered.removed().isEmpty()) {
            LOG.debug("{} for {}: removed {} before sending", request.exchange(), request.purpose(), filtered.removed());
        }
        return new Release(filtered.payload(), agreement, exchange, filtered.removed(), consentId, recorded.sequence());
    }

    /**
     * What a released notice told the person about an automated decision ({@code explanation.summary}: rule,
     * inputs by name, approver, appeal route; no values), kept in the record so the person's data tracker
     * can show it next to the exchange; null for any other exchange.
     */
    static String explanationOf(Map<String, Object> released) {
        return released.get(EXPLANATION) instanceof Map<?, ?> explanation
                && explanation.get("summary") instanceof String summary ? summary : null;
    }

    private ExchangeRefused refuse(ExchangeRequest request, Coverage coverage, Instant now, RefusalReason reason,
            String explanation) {
        return refuse(request, coverage, now, new ExchangeRefused(reason, request.exchange(), explanation));
    }

    private ExchangeRefused refuse(ExchangeRequest request, Coverage coverage, Instant now, ExchangeRefused refused) {
        audit.record(event(request, coverage, now, AuditOutcome.REFUSED, refused.getMessage(), "", null, null));
        LOG.warn("Exchange refused (correlation {}): {}", request.correlationId(), refused.getMessage());
        return refused;
    }

    /**
     * The one partner of a group receiver (an employer of {@code employers}) the payload names in the exchange's
     * {@code partner_field}; null when the exchange names none or the payload leaves it empty.
     */
    static String partnerOf(Map<String, Object> payload, AgreementExchange exchange) {
        if (exchange == null || exchange.partnerField() == null) {
            return null;
        }
        Object partner = payload.get(exchange.partnerField());
        return partner == null || partner.toString().isBlank() ? null : partner.toString();
    }

    private static AuditEvent event(ExchangeRequest request, Coverage coverage, Instant now, AuditOutcome outcome,
            String reason, String filters, String consentId, String payloadDigest) {
        AgreementExchange exchange = coverage == null ? null : coverage.exchange();
        DataSharingAgreement agreement = coverage == null ? null : coverage.agreement();
        return new AuditEvent(now, request.actorId(),
                exchange == null ? request.action() : exchange.action(),
                exchange == null ? "exchange" : exchange.resourceType(),
                request.resourceId(), request.personId(), request.purpose(),
                agreement == null ? null : agreement.legalBasis().reference(),
                request.correlationId(), request.exchange(),
                agreement == null ? null : agreement.reference(),
                exchange == null ? null : exchange.receiver(),
                outcome, reason, filters, consentId, payloadDigest, partnerOf(request.payload(), exchange));
    }
}
