package org.esphub.hub.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.DciRejection;
import org.esphub.processes.AgencyEventContract;
import org.esphub.processes.AgencyEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API operations whose every item starts one case straight in the engine (a PES client's referral to SA,
 * a youth referral, a return to work): each new item starts the operation's process by its start message
 * under the item's reference_id, exactly as the agency's queue event of that name would; an item whose
 * reference_id names a case of the hub already is refused and changes nothing. Taken as every API item is
 * ({@link ApiItemIntake}: schema, sender, signature, the data-sharing gate for each item, idempotent on
 * message_id, one transaction with the engine's writes). The answer lists each item's outcome: these
 * operations have no callback, and what becomes of each case reaches the sender as its notices.
 */
@Service
public class CaseStartingIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CaseStartingIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final ReferralParticipants participants;
    private final RuntimeService runtimeService;

    public CaseStartingIntake(ApiItemIntake intake, IntakeLedger ledger, ReferralParticipants participants,
            RuntimeService runtimeService) {
        this.intake = intake;
        this.ledger = ledger;
        this.participants = participants;
        this.runtimeService = runtimeService;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made; the cases carry it
     * @return transaction_id, correlation_id and the operation's responses field, one outcome per item in order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public Map<String, Object> accept(CaseStartTerms terms, String body, String clientId, String correlationId) {
        TakenMessage<Map<String, Object>> taken = intake.take(new StartEachCase(terms), body, clientId, correlationId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", taken.message().envelope().at("/message/transaction_id").asText());
        answer.put("correlation_id", correlationId);
        answer.put(terms.responsesField(), taken.outcomes());
        return answer;
    }

    /** The per-item step of one operation. */
    private final class StartEachCase implements ApiItemOperation<Map<String, Object>> {

        private final CaseStartTerms terms;
        private final AgencyEventContract contract;

        StartEachCase(CaseStartTerms terms) {
            this.terms = terms;
            this.contract = AgencyEvents.CONTRACTS.get(terms.startMessage());
            if (contract == null || !contract.startsProcess()) {
                throw new IllegalStateException(terms.startMessage() + " is not a starting agency event");
            }
        }

        @Override
        public ApiItemTerms terms() {
            return terms.items();
        }

        /** The outcomes are the answer itself. */
        @Override
        public void report(AdmittedMessage message, List<Map<String, Object>> outcomes) {
        }

        @Override
        public Map<String, Object> accept(ApiItem item, AdmittedMessage message) {
            String referenceId = item.referenceId();
            if (participants.referral(referenceId).isPresent() || ledger.referralExists(referenceId)) {
                // one business key, one case: the agencies' events about it must not find two processes
                LOG.info("{} {}: refused at intake: the reference names a case already", terms.caseName(),
                        referenceId);
                return outcome(referenceId, "rjct", "reference_id " + referenceId
                        + " names a case of the hub already; nothing was started", terms.referenceTaken());
            }
            runtimeService.createMessageCorrelation(terms.startMessage())
                    .processInstanceBusinessKey(referenceId)
                    .setVariables(AgencyEventVariables.of(contract, item.json()))
                    .setVariable(AgencyEvents.VAR_CORRELATION_ID, message.correlationId())
                    .correlateStartMessage();
            LOG.info("{} {}: referred by {} (message {}), case started", terms.caseName(), referenceId,
                    message.senderId(), message.messageId());
            return outcome(referenceId, "succ", terms.caseName() + " started; " + terms.whatFollows(), null);
        }
    }

    private static Map<String, Object> outcome(String referenceId, String status, String message, String reasonCode) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("reference_id", referenceId);
        outcome.put("status", status);
        outcome.put("message", message);
        if (reasonCode != null) {
            outcome.put("status_reason_code", reasonCode);
        }
        return outcome;
    }
}
