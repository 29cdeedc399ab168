package org.esphub.hub.rights;

import java.util.List;
import java.util.Optional;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.TrainingEnrolment;

/**
 * The fields of a person's data an agency may ask to have corrected, each with the agency it comes from,
 * whose caseworkers check it. The names are the agreements' field names: SA's person registry is the source
 * of what the hub reads about the person ({@code sa-fetch-profile}'s response fields) and passes on, PES of
 * the jobseeker case number it gives at registration.
 *
 * @param name the field as the agreements name it
 * @param sourceAgency the sender_id of the agency the value comes from
 * @param sourceGroup the candidate group of the check: the source agency's caseworkers
 */
public record RectifiableField(String name, String sourceAgency, AgencyKind sourceKind, String sourceGroup) {

    static final String SA = "sa.gov.example";
    static final String PES = "pes.gov.example";

    /** The catalogue, declared once. */
    public static final List<RectifiableField> ALL = List.of(
            sa("given_name"), sa("family_name"), sa("birth_date"), sa("benefit_status"), sa("benefit_end_date"),
            sa("work_able"),
            new RectifiableField("pes_case_number", PES, AgencyKind.PES, TrainingEnrolment.GROUP_PES_CASEWORKERS));

    static Optional<RectifiableField> named(String name) {
        return ALL.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    private static RectifiableField sa(String name) {
        return new RectifiableField(name, SA, AgencyKind.SA, BenefitAdjustment.GROUP_SA_CASEWORKERS);
    }
}
