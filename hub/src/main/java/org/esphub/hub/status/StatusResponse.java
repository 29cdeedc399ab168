package org.esphub.hub.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The annex's answer to {@code GET /status/{person_id}}: a DCI envelope with a callback header
 * and a {@code DO_EMPL_02_Response}. The hub adds {@code verification} (confidence, whether a
 * caseworker must review, and how each source counted), which the annex leaves open.
 */
public final class StatusResponse {

    static final String ACTION = "get_employment_status";

    private StatusResponse() {
    }

    public static Map<String, Object> of(EmploymentStatusVerification.Verification verification, String hubSenderId,
            String receiverId, double manualReviewBelow) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", UUID.randomUUID().toString());
        header.put("message_ts", verification.verifiedAt().toString());
        header.put("action", ACTION);
        header.put("status", "succ");
        header.put("total_count", 1);
        header.put("completed_count", 1);
        header.put("sender_id", hubSenderId);
        header.put("receiver_id", receiverId);
        return Map.of("header", header, "message", message(verification, manualReviewBelow));
    }

    private static Map<String, Object> message(EmploymentStatusVerification.Verification verification,
            double manualReviewBelow) {
        StatusVerdict verdict = verification.verdict();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("person_id", verification.personId());
        message.put("employment_status", verdict.employmentStatus());
        SourceObservation tax = verification.findings().get(StatusSource.TAX_SOCIAL_INSURANCE);
        if ("EMPLOYED".equals(verdict.employmentStatus()) && tax != null
                && SourceObservation.EMPLOYED.equals(tax.finding())) {
            message.put("employment_details", employmentDetails(tax));
        }
        SourceObservation pes = verification.findings().get(StatusSource.PES);
        if (pes != null && SourceObservation.REGISTERED_JOBSEEKER.equals(pes.finding())) {
            Map<String, Object> participation = new LinkedHashMap<>();
            participation.put("active_programs", pes.activePrograms() == null ? List.of() : pes.activePrograms());
            participation.put("compliance_status", pes.complianceStatus() == null ? "PENDING" : pes.complianceStatus());
            message.put("program_participation", participation);
        }
        message.put("verification_timestamp", verification.verifiedAt().toString());
        message.put("verification", verificationOf(verdict, manualReviewBelow));
        return message;
    }

    private static Map<String, Object> employmentDetails(SourceObservation tax) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("employer_name", tax.employerName());
        details.put("employment_start_date", tax.employmentStartDate().toString());
        details.put("employment_type", tax.employmentType());
        details.put("monthly_income", tax.monthlyIncome());
        if (tax.currency() != null) {
            details.put("currency", tax.currency());
        }
        return details;
    }

    private static Map<String, Object> verificationOf(StatusVerdict verdict, double manualReviewBelow) {
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("confidence_score", verdict.confidence());
        verification.put("manual_review_required", verdict.manualReviewRequired());
        verification.put("manual_review_below", manualReviewBelow);
        verification.put("sources", verdict.sources().stream().map(StatusResponse::weighing).toList());
        return verification;
    }

    private static Map<String, Object> weighing(StatusVerdict.Weighing weighing) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", weighing.source().name());
        source.put("answered", weighing.answered());
        source.put("finding", weighing.finding());
        source.put("as_of", weighing.asOf() == null ? null : weighing.asOf().toString());
        source.put("weight", weighing.weight());
        source.put("freshness", weighing.freshness());
        return source;
    }
}
