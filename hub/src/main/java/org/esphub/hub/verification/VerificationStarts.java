package org.esphub.hub.verification;

import static org.esphub.processes.EmploymentStatusVerification.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts one employment-status-verification and records it, in the caller's transaction: the row and the
 * instance commit together or not at all, so a verification starts exactly once (the start runs only to
 * the model's first asynchronous step, SA's profile).
 */
@Component
class VerificationStarts {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationStarts.class);

    private final RuntimeService runtime;
    private final VerificationLedger ledger;

    VerificationStarts(RuntimeService runtime, VerificationLedger ledger) {
        this.runtime = runtime;
        this.ledger = ledger;
    }

    /** The sender, message and client are the API request's; all null for a scheduled verification. */
    void start(VerificationItem item, String trigger, String senderId, String messageId, String clientId,
            String correlationId, Instant now) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, item.referenceId());
        variables.put(VAR_PERSON_ID, item.personId());
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_REQUEST_GIVEN_NAME, item.givenName());
        variables.put(VAR_REQUEST_FAMILY_NAME, item.familyName());
        variables.put(VAR_REQUEST_BIRTH_DATE, item.birthDate());
        variables.put(VAR_IDENTIFIER_COUNT, item.identifierCount());
        variables.put(VAR_VERIFICATION_TRIGGER, trigger);
        // what Tasklist shows until SA's record replaces them
        variables.put(VAR_GIVEN_NAME, item.givenName());
        variables.put(VAR_FAMILY_NAME, item.familyName() == null ? item.personId() : item.familyName());
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, item.referenceId(), variables);
        ledger.record(item.referenceId(), item.personId(), trigger, senderId, messageId, clientId, correlationId,
                instance.getId(), now);
        LOG.info("verification {}: process started ({}) for person {}", item.referenceId(), trigger, item.personId());
    }
}
