package org.esphub.simulators.employer;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A candidate the hub put forward for a vacancy, and what became of it. Immutable: each change is
 * a new value that replaces the old one in the {@link ProposalRegister}.
 *
 * @param proposalId   {@code PRO-<6-digit sequence>}
 * @param startDate    ISO date: the vacancy's start as proposed, replaced by the start the employer offered
 * @param status       {@link #PROPOSED}, {@link #WITHDRAWN}, {@link #ACCEPTED}, {@link #DECLINED},
 *                     {@link #HIRED} or {@link #ENDED}
 * @param reason       the hub's reason for a withdrawal, the employer's for a decision, or why employment ended
 * @param hoursPerWeek the terms the employer offered when accepting, if it named them
 * @param endDate      ISO date employment ended, once it did
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Proposal(
        String proposalId,
        String referenceId,
        String personId,
        String givenName,
        String familyName,
        String employerId,
        String vacancyId,
        String jobTitle,
        String startDate,
        String status,
        String reason,
        BigDecimal hoursPerWeek,
        BigDecimal monthlyWage,
        String contractType,
        Integer contractMonths,
        String endDate,
        Instant proposedAt,
        Instant updatedAt,
        String correlationId) {

    public static final String PROPOSED = "PROPOSED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String HIRED = "HIRED";
    public static final String ENDED = "ENDED";

    /** Proposed or accepted: the hub may still withdraw it, or the employer hire. */
    @JsonIgnore
    public boolean isOpen() {
        return PROPOSED.equals(status) || ACCEPTED.equals(status);
    }

    Proposal withStatus(String newStatus, String newReason, Instant now) {
        return new Proposal(proposalId, referenceId, personId, givenName, familyName, employerId, vacancyId, jobTitle,
                startDate, newStatus, newReason, hoursPerWeek, monthlyWage, contractType, contractMonths, endDate,
                proposedAt, now, correlationId);
    }

    /** Accepted on the terms offered; a term the employer did not name stays as it was. */
    Proposal accepted(OfferedTerms terms, String newReason, Instant now) {
        return new Proposal(proposalId, referenceId, personId, givenName, familyName, employerId, vacancyId, jobTitle,
                terms.startDate() != null ? terms.startDate() : startDate, ACCEPTED, newReason,
                terms.hoursPerWeek() != null ? terms.hoursPerWeek() : hoursPerWeek,
                terms.monthlyWage() != null ? terms.monthlyWage() : monthlyWage,
                terms.contractType() != null ? terms.contractType() : contractType,
                terms.contractMonths() != null ? terms.contractMonths() : contractMonths,
                endDate, proposedAt, now, correlationId);
    }

    /** Hired from the day employment actually started. */
    Proposal hired(String actualStartDate, Instant now) {
        return new Proposal(proposalId, referenceId, personId, givenName, familyName, employerId, vacancyId, jobTitle,
                actualStartDate, HIRED, null, hoursPerWeek, monthlyWage, contractType, contractMonths, endDate,
                proposedAt, now, correlationId);
    }

    Proposal ended(String newEndDate, String newReason, Instant now) {
        return new Proposal(proposalId, referenceId, personId, givenName, familyName, employerId, vacancyId, jobTitle,
                startDate, ENDED, newReason, hoursPerWeek, monthlyWage, contractType, contractMonths, newEndDate,
                proposedAt, now, correlationId);
    }
}
