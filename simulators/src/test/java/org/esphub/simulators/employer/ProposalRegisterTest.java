package org.esphub.simulators.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.esphub.simulators.IdempotencyConflictException;
import org.esphub.simulators.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ProposalRegisterTest {

    private static final OfferedTerms NO_TERMS = new OfferedTerms(null, null, null, null, null);

    private final ProposalRegister register =
            new ProposalRegister(Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC));

    @Test
    void a_proposal_is_recorded_once_whether_repeated_with_its_key_or_without_one() {
        ProposalRegister.Outcome first = register.propose(proposal("REF-1", "VAC-1"), "REF-1:ProposeCandidate:a1", "corr-1");
        ProposalRegister.Outcome byKey = register.propose(proposal("REF-1", "VAC-1"), "REF-1:ProposeCandidate:a1", null);
        ProposalRegister.Outcome byVacancy = register.propose(proposal("REF-1", "VAC-1"), null, null);

        assertThat(first.created()).isTrue();
        assertThat(first.proposal().proposalId()).isEqualTo("PRO-000001");
        assertThat(first.proposal().status()).isEqualTo(Proposal.PROPOSED);
        assertThat(byKey.created()).isFalse();
        assertThat(byVacancy.created()).isFalse();
        assertThat(register.all("REF-1", null)).hasSize(1);
        assertThatThrownBy(() -> register.propose(proposal("REF-1", "VAC-2"), "REF-1:ProposeCandidate:a1", null))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void the_next_proposal_after_a_decline_is_a_new_one_and_events_concern_the_latest() {
        Proposal declined = register.propose(proposal("REF-1", "VAC-1"), "k-1", null).proposal();
        register.decide(declined.proposalId(), false, NO_TERMS, "position filled");

        Proposal next = register.propose(proposal("REF-1", "VAC-2"), "k-2", null).proposal();

        assertThat(next.proposalId()).isNotEqualTo(declined.proposalId());
        assertThat(register.latestOf("REF-1").proposalId()).isEqualTo(next.proposalId());
        assertThat(register.find(declined.proposalId()).orElseThrow().reason()).isEqualTo("position filled");
    }

    @Test
    void accepting_keeps_the_proposed_terms_the_employer_did_not_replace() {
        Proposal proposed = register.propose(proposal("REF-1", "VAC-1"), null, null).proposal();

        Proposal accepted = register.decide(proposed.proposalId(), true,
                new OfferedTerms(new BigDecimal("32"), new BigDecimal("1450.00"), "PERMANENT", null, null), null);

        assertThat(accepted.status()).isEqualTo(Proposal.ACCEPTED);
        assertThat(accepted.hoursPerWeek()).isEqualByComparingTo("32");
        assertThat(accepted.monthlyWage()).isEqualByComparingTo("1450.00");
        assertThat(accepted.startDate()).isEqualTo("2026-05-04");
    }

    @Test
    void a_proposal_moves_from_accepted_to_hired_to_ended_and_never_back() {
        Proposal proposed = register.propose(proposal("REF-1", "VAC-1"), null, null).proposal();
        register.decide(proposed.proposalId(), true, NO_TERMS, null);

        Proposal hired = register.hire(proposed.proposalId(), "2026-05-11");
        Proposal ended = register.end(proposed.proposalId(), "2026-09-30", "contract not renewed");

        assertThat(hired.startDate()).isEqualTo("2026-05-11");
        assertThat(ended.status()).isEqualTo(Proposal.ENDED);
        assertThat(ended.endDate()).isEqualTo("2026-09-30");
        assertThatThrownBy(() -> register.decide(proposed.proposalId(), true, NO_TERMS, null))
                .isInstanceOf(ProposalConflictException.class).hasMessageContaining("ENDED");
        assertThatThrownBy(() -> register.hire(proposed.proposalId(), "2026-05-11"))
                .isInstanceOf(ProposalConflictException.class);
    }

    @Test
    void a_withdrawal_closes_an_open_proposal_leaves_a_closed_one_and_refuses_a_hired_one() {
        Proposal open = register.propose(proposal("REF-1", "VAC-1"), null, null).proposal();
        Proposal declined = register.propose(proposal("REF-2", "VAC-1"), null, null).proposal();
        register.decide(declined.proposalId(), false, NO_TERMS, null);
        Proposal hired = register.propose(proposal("REF-3", "VAC-1"), null, null).proposal();
        register.decide(hired.proposalId(), true, NO_TERMS, null);
        register.hire(hired.proposalId(), "2026-05-04");

        assertThat(register.withdraw(withdrawal("REF-1", "VAC-1"), "w-1").status()).isEqualTo(Proposal.WITHDRAWN);
        assertThat(register.withdraw(withdrawal("REF-1", "VAC-1"), "w-1").status()).isEqualTo(Proposal.WITHDRAWN);
        assertThat(register.withdraw(withdrawal("REF-2", "VAC-1"), null).status()).isEqualTo(Proposal.DECLINED);
        assertThatThrownBy(() -> register.withdraw(withdrawal("REF-3", "VAC-1"), null))
                .isInstanceOf(ProposalConflictException.class).hasMessageContaining("HIRED");
        assertThatThrownBy(() -> register.withdraw(withdrawal("REF-9", "VAC-1"), null))
                .isInstanceOf(ProposalNotFoundException.class);
        assertThatThrownBy(() -> register.decide(open.proposalId(), true, NO_TERMS, null))
                .isInstanceOf(ProposalConflictException.class).hasMessageContaining("WITHDRAWN");
    }

    @Test
    void a_proposal_needs_referral_person_employer_and_vacancy() {
        assertThatThrownBy(() -> register.propose(new ProposalRequest("REF-1", "10000000001", null, null, null, "VAC-1",
                null, null, null), null, null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("employer_id");
    }

    private static ProposalRequest proposal(String referenceId, String vacancyId) {
        return new ProposalRequest(referenceId, "10000000001", "Ana", "Krasniqi", "EMP-4", vacancyId,
                "Warehouse operative", "2026-05-04", null);
    }

    private static ProposalRequest withdrawal(String referenceId, String vacancyId) {
        return new ProposalRequest(referenceId, "10000000001", null, null, "EMP-4", vacancyId, null, null,
                "EMPLOYER_NO_ANSWER");
    }
}
