package org.esphub.hub.youth;

import java.util.Map;
import java.util.Set;
import org.esphub.dci.CompanionOperation;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.CaseStartTerms;
import org.esphub.hub.intake.CaseStartingIntake;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.YouthTransition;
import org.springframework.stereotype.Service;

/**
 * {@code POST /youth-referrals} (PRS.EMPL.07): SA refers young people of the households it supports for the
 * school-to-work transition. Each new item starts {@code youth-transition} as SA's queue event
 * {@link YouthTransition#MESSAGE_YOUTH_REFERRED} does ({@link CaseStartingIntake}). The age band and the
 * consent (the guardian's for a minor) are the case's first steps, so that SA hears the outcome of either
 * the same way, whichever way it referred.
 */
@Service
public class YouthReferralIntake {

    /** The agreements' name of this operation (sa-pes-youth-transition). */
    public static final String EXCHANGE = "api.refer-youth";
    public static final String PURPOSE = YouthTransition.PURPOSE_YOUTH_TRANSITION;
    /** The item refusal when its reference_id already names a case (a referral, placement, training, ...). */
    public static final String REFERENCE_TAKEN = "rjct.youth_referral.reference_taken";
    private static final CaseStartTerms TERMS = new CaseStartTerms(new ApiItemTerms(
            CompanionOperation.REFER_YOUTH, Set.of(AgencyKind.SA),
            "only Social Assistance refers the young people of the households it supports", EXCHANGE, PURPOSE,
            AuditAction.CREATE, "the youth referrals name ids the hub cannot use; nothing was started"),
            YouthTransition.MESSAGE_YOUTH_REFERRED, "youth referral", REFERENCE_TAKEN, "youth_referral_responses",
            "the age band and the consent (the guardian's for a minor) are checked next, and SA is told what"
                    + " becomes of it");

    private final CaseStartingIntake intake;

    public YouthReferralIntake(CaseStartingIntake intake) {
        this.intake = intake;
    }

    /** @return transaction_id, correlation_id and youth_referral_responses, one per item in order */
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        return intake.accept(TERMS, body, clientId, correlationId);
    }
}
