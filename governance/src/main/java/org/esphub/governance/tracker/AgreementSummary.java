package org.esphub.governance.tracker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.esphub.governance.agreements.AgreementChange;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.agreements.Party;
import org.esphub.governance.agreements.Purpose;

/**
 * An agreement as a person is told it when an agency enrols them (right to information): its plain
 * summary, purposes, the categories of data it lets move, who receives them, how long they are kept,
 * and each version with its date and change. Derived from the agreement, so it cannot drift from
 * what the gate enforces.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgreementSummary(
        String id,
        String version,
        String title,
        String summary,
        List<Purpose> purposes,
        List<String> dataCategories,
        List<Party> receivers,
        Period retention,
        String retentionText,
        String legalBasis,
        List<AgreementChange> changes) {

    public static AgreementSummary of(DataSharingAgreement agreement, FieldCategories categories) {
        Set<String> fields = new TreeSet<>();
        Set<String> receiverIds = new TreeSet<>();
        for (AgreementExchange exchange : agreement.exchanges()) {
            fields.addAll(exchange.fields());
            receiverIds.add(exchange.receiver());
        }
        List<Party> receivers = agreement.parties().stream().filter(party -> receiverIds.contains(party.id())).toList();
        return new AgreementSummary(agreement.id(), agreement.version(), agreement.title(), agreement.summary(),
                agreement.purposes(), categories.labelsOf(fields), receivers, agreement.retention(),
                inWords(agreement.retention()), agreement.legalBasis().reference(), agreement.changes());
    }

    /** {@code P5Y} as "5 years", {@code P1Y6M} as "1 year and 6 months". */
    static String inWords(Period period) {
        List<String> parts = new ArrayList<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        units.put("year", period.getYears());
        units.put("month", period.getMonths());
        units.put("day", period.getDays());
        units.forEach((unit, amount) -> {
            if (amount != 0) {
                parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
            }
        });
        return String.join(" and ", parts);
    }
}
