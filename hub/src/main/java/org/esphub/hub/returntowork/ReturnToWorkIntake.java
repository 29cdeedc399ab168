package org.esphub.hub.returntowork;

import java.util.Map;
import java.util.Set;
import org.esphub.dci.CompanionOperation;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.CaseStartTerms;
import org.esphub.hub.intake.CaseStartingIntake;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.ReturnToWork;
import org.springframework.stereotype.Service;

/**
 * {@code POST /return-to-work-referrals} (PRS.EMPL.06): SA refers people on sickness, injury or
 * disability-related benefit back to work. Each new item starts {@code return-to-work} as SA's queue event
 * {@link ReturnToWork#MESSAGE_REFERRED} does ({@link CaseStartingIntake}). The person's consent is not
 * checked here: the case checks it before the authority is asked and tells SA why when it is missing.
 */
@Service
public class ReturnToWorkIntake {

    /** The agreement's name of this operation (return-to-work-coordination). */
    public static final String EXCHANGE = "api.refer-return-to-work";
    public static final String PURPOSE = ReturnToWork.PURPOSE_RETURN_TO_WORK;
    /** The item refusal when its reference_id already names a case. */
    public static final String REFERENCE_TAKEN = "rjct.return_to_work.reference_taken";
    private static final CaseStartTerms TERMS = new CaseStartTerms(new ApiItemTerms(
            CompanionOperation.REFER_RETURN_TO_WORK, Set.of(AgencyKind.SA),
            "only Social Assistance refers people on its benefits back to work", EXCHANGE, PURPOSE,
            AuditAction.CREATE, "the return-to-work referrals name ids the hub cannot use; nothing was started"),
            ReturnToWork.MESSAGE_REFERRED, "return to work", REFERENCE_TAKEN, "return_to_work_responses",
            "the person's consent and the work capacity are checked next, and SA is told how it ends");

    private final CaseStartingIntake intake;

    public ReturnToWorkIntake(CaseStartingIntake intake) {
        this.intake = intake;
    }

    /** @return transaction_id, correlation_id and return_to_work_responses, one per item in order */
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        return intake.accept(TERMS, body, clientId, correlationId);
    }
}
