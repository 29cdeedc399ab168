package org.esphub.simulators.employer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.esphub.simulators.IdempotencyKeys;
import org.esphub.simulators.InvalidRequestException;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The employers' side of candidate proposals: what the hub proposed and withdrew, what the
 * employers decided, whom they hired and when employment ended.
 *
 * <p>Commands from the hub are idempotent, because the hub delivers at least once and retries: a
 * repeat with the same {@code Idempotency-Key} gets the first answer, and one without a key is
 * recognised by what it names (the referral's open proposal for the vacancy). All methods are
 * synchronized: one lock keeps the sequence and the proposals consistent.
 */
public class ProposalRegister {

    private final Clock clock;
    private final Map<String, Proposal> byId = new LinkedHashMap<>();
    private final IdempotencyKeys<String> idsByKey = new IdempotencyKeys<>();
    private int lastSequence;

    public ProposalRegister(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a command; {@code created} is false when it repeated an earlier one. */
    public record Outcome(Proposal proposal, boolean created) {
    }

    public synchronized Outcome propose(ProposalRequest request, @Nullable String idempotencyKey,
                                        @Nullable String correlationId) {
        String referenceId = required(request.referenceId(), "reference_id");
        String personId = required(request.personId(), "person_id");
        String employerId = required(request.employerId(), "employer_id");
        String vacancyId = required(request.vacancyId(), "vacancy_id");
        String startDate = request.startDate() == null ? null : isoDate(request.startDate(), "start_date");
        String what = "propose " + referenceId + " " + employerId + " " + vacancyId;
        Optional<Proposal> earlier = idsByKey.earlier(idempotencyKey, what).map(byId::get)
                .or(() -> latest(proposal -> proposal.isOpen() && proposal.referenceId().equals(referenceId)
                        && proposal.employerId().equals(employerId) && proposal.vacancyId().equals(vacancyId)));
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        Instant now = now();
        Proposal proposal = new Proposal(String.format(Locale.ROOT, "PRO-%06d", ++lastSequence), referenceId, personId,
                request.givenName(), request.familyName(), employerId, vacancyId, request.jobTitle(), startDate,
                Proposal.PROPOSED, null, null, null, null, null, null, now, now, correlationId);
        byId.put(proposal.proposalId(), proposal);
        idsByKey.remember(idempotencyKey, what, proposal.proposalId());
        return new Outcome(proposal, true);
    }

    /**
     * Takes the referral's latest proposal for the vacancy back. One the employer already declined,
     * or the hub already withdrew, stays as it is: there is nothing left to take back.
     */
    public synchronized Proposal withdraw(ProposalRequest request, @Nullable String idempotencyKey) {
        String referenceId = required(request.referenceId(), "reference_id");
        String employerId = required(request.employerId(), "employer_id");
        String vacancyId = required(request.vacancyId(), "vacancy_id");
        Proposal proposal = latest(candidate -> candidate.referenceId().equals(referenceId)
                && candidate.employerId().equals(employerId) && candidate.vacancyId().equals(vacancyId))
                .orElseThrow(() -> new ProposalNotFoundException("of referral " + referenceId + " for vacancy "
                        + vacancyId + " of " + employerId));
        String what = "withdraw " + proposal.proposalId();
        boolean repeat = idsByKey.earlier(idempotencyKey, what).isPresent();
        if (repeat || Proposal.WITHDRAWN.equals(proposal.status()) || Proposal.DECLINED.equals(proposal.status())) {
            return proposal;
        }
        if (!proposal.isOpen()) {
            throw new ProposalConflictException(proposal, "withdraw");
        }
        Proposal withdrawn = proposal.withStatus(Proposal.WITHDRAWN, request.reason(), now());
        byId.put(withdrawn.proposalId(), withdrawn);
        idsByKey.remember(idempotencyKey, what, withdrawn.proposalId());
        return withdrawn;
    }

    /** The referral's latest proposal, which an employer's event is about. */
    public synchronized Proposal latestOf(String referenceId) {
        return latest(proposal -> proposal.referenceId().equals(referenceId))
                .orElseThrow(() -> new ProposalNotFoundException("for referral " + referenceId));
    }

    /** Records the employer's decision on a proposal still awaiting one. */
    public synchronized Proposal decide(String proposalId, boolean accepted, OfferedTerms terms, @Nullable String reason) {
        Proposal proposal = inStatus(proposalId, Proposal.PROPOSED, "decide on");
        Proposal decided = accepted ? proposal.accepted(terms, reason, now())
                : proposal.withStatus(Proposal.DECLINED, reason, now());
        byId.put(proposalId, decided);
        return decided;
    }

    /** Records the hire of an accepted candidate, who started on {@code startDate} (ISO). */
    public synchronized Proposal hire(String proposalId, String startDate) {
        Proposal hired = inStatus(proposalId, Proposal.ACCEPTED, "report the hire of").hired(startDate, now());
        byId.put(proposalId, hired);
        return hired;
    }

    /** Records the end of the employment of a hired candidate. */
    public synchronized Proposal end(String proposalId, String endDate, @Nullable String reason) {
        Proposal ended = inStatus(proposalId, Proposal.HIRED, "end the employment of").ended(endDate, reason, now());
        byId.put(proposalId, ended);
        return ended;
    }

    /** Checks, without changing anything, that the proposal is in the state an event needs. */
    public synchronized Proposal inStatus(String proposalId, String status, String wanted) {
        Proposal proposal = byId.get(proposalId);
        if (proposal == null) {
            throw new ProposalNotFoundException(proposalId);
        }
        if (!status.equals(proposal.status())) {
            throw new ProposalConflictException(proposal, wanted);
        }
        return proposal;
    }

    public synchronized Optional<Proposal> find(String proposalId) {
        return Optional.ofNullable(byId.get(proposalId));
    }

    /** Proposals oldest first, optionally only those of one referral or one employer. */
    public synchronized List<Proposal> all(@Nullable String referenceId, @Nullable String employerId) {
        return byId.values().stream()
                .filter(proposal -> referenceId == null || proposal.referenceId().equals(referenceId))
                .filter(proposal -> employerId == null || proposal.employerId().equals(employerId))
                .toList();
    }

    /** Today by the employers' clock, e.g. the end date of an employment reported without one. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Optional<Proposal> latest(Predicate<Proposal> filter) {
        return byId.values().stream().filter(filter).max(Comparator.comparing(Proposal::proposalId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String required(@Nullable String value, String field) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidRequestException("request.invalid", field + " is required.");
        }
        return value.strip();
    }

    static String isoDate(String value, String field) {
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("request.invalid", field + " must be an ISO date (yyyy-MM-dd).");
        }
    }
}
