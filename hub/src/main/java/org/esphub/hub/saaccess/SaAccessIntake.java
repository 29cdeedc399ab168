package org.esphub.hub.saaccess;

import java.util.Map;
import java.util.Set;
import org.esphub.dci.CompanionOperation;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.CaseStartTerms;
import org.esphub.hub.intake.CaseStartingIntake;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.PesClientSaAccess;
import org.springframework.stereotype.Service;

/**
 * {@code POST /sa-access-requests} (PRS.EMPL.09): PES refers jobseekers it serves who may need social
 * assistance. Each new item starts {@code pes-client-sa-access} as PES's queue event
 * {@link PesClientSaAccess#MESSAGE_ACCESS_REQUESTED} does ({@link CaseStartingIntake}). The person's consent
 * is not checked here: the case checks it before anything reaches SA and tells PES why when it is missing.
 */
@Service
public class SaAccessIntake {

    /** The agreements' name of this operation (pes-sa-social-assistance-access). */
    public static final String EXCHANGE = "api.request-sa-access";
    public static final String PURPOSE = PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS;
    /** The item refusal when its reference_id already names a case (a referral, placement, training, SA access). */
    public static final String REFERENCE_TAKEN = "rjct.sa_access.reference_taken";
    private static final CaseStartTerms TERMS = new CaseStartTerms(new ApiItemTerms(
            CompanionOperation.REQUEST_SA_ACCESS, Set.of(AgencyKind.PES),
            "only the Public Employment Service refers its clients to social assistance", EXCHANGE, PURPOSE,
            AuditAction.CREATE, "the referrals name ids the hub cannot use; nothing was started"),
            PesClientSaAccess.MESSAGE_ACCESS_REQUESTED, "referral to SA", REFERENCE_TAKEN, "sa_access_responses",
            "the person's consent and SA's figures are checked next, and PES is told SA's decision");

    private final CaseStartingIntake intake;

    public SaAccessIntake(CaseStartingIntake intake) {
        this.intake = intake;
    }

    /** @return transaction_id, correlation_id and sa_access_responses, one per item in order */
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        return intake.accept(TERMS, body, clientId, correlationId);
    }
}
