package org.esphub.hub.intake;

import java.util.List;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.processes.ReturnToWork;
import org.esphub.processes.YouthTransition;

/**
 * A kind of case the hub answers agency events about besides a referral, declared once so that every
 * lookup of {@link ReferralParticipants} goes through the same list: a new kind is one line of
 * {@link #ALL}. A case is kept either
 * <ul>
 *   <li>in an intake table of its own ({@code intakeTable}, rows with {@code reference_id},
 *       {@code person_id}, {@code correlation_id}, {@code process_instance_id} and
 *       {@code referral_reference_id}: the person's running referral may take the item, and the case is
 *       that referral's then), or</li>
 *   <li>in the engine only ({@code processKey}): every way in starts its process directly, and the
 *       process names the person and the correlation id with the variables given.</li>
 * </ul>
 *
 * @param saTakesPart whether the hub's SA takes part in the case (it decides a benefit in it)
 */
record CaseKind(String intakeTable, String processKey, boolean saTakesPart, String personVariable,
        String correlationVariable) {

    /**
     * In the order they are looked up: the API's own cases first (their tables), then the engine's. A
     * placement PES reported is PES's and the employer's; a training PES or a provider requested is
     * also SA's, which decides the training benefit; SA decides a PES client's social assistance; the
     * employer the subsidy application named takes part in the subsidy, and SA sends nothing there; SA
     * follows a young person it referred for the school-to-work transition through the family's case;
     * SA reports the appeal of the partial benefit of a return to work it referred.
     */
    static final List<CaseKind> ALL = List.of(
            inTable("esp_placement", false),
            inTable("esp_training_enrolment", true),
            inTheEngine(PesClientSaAccess.PROCESS_KEY, true, PesClientSaAccess.VAR_PERSON_ID,
                    PesClientSaAccess.VAR_CORRELATION_ID),
            inTheEngine(EmploymentSubsidy.PROCESS_KEY, false, EmploymentSubsidy.VAR_PERSON_ID,
                    EmploymentSubsidy.VAR_CORRELATION_ID),
            inTheEngine(YouthTransition.PROCESS_KEY, true, YouthTransition.VAR_PERSON_ID,
                    YouthTransition.VAR_CORRELATION_ID),
            inTheEngine(ReturnToWork.PROCESS_KEY, true, ReturnToWork.VAR_PERSON_ID,
                    ReturnToWork.VAR_CORRELATION_ID));

    static CaseKind inTable(String intakeTable, boolean saTakesPart) {
        return new CaseKind(intakeTable, null, saTakesPart, null, null);
    }

    static CaseKind inTheEngine(String processKey, boolean saTakesPart, String personVariable,
            String correlationVariable) {
        return new CaseKind(null, processKey, saTakesPart, personVariable, correlationVariable);
    }

    static List<CaseKind> keptInTables() {
        return ALL.stream().filter(kind -> kind.intakeTable() != null).toList();
    }

    static List<CaseKind> keptInTheEngine() {
        return ALL.stream().filter(kind -> kind.processKey() != null).toList();
    }
}
