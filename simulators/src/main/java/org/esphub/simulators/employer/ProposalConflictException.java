package org.esphub.simulators.employer;

import java.util.Locale;

import org.esphub.simulators.SimulatorException;
import org.springframework.http.HttpStatus;

/** 409 {@code proposal.<status>}: the proposal's state does not allow the request, e.g. deciding on a withdrawn one. */
public class ProposalConflictException extends SimulatorException {

    public ProposalConflictException(Proposal proposal, String wanted) {
        super(HttpStatus.CONFLICT, "proposal." + proposal.status().toLowerCase(Locale.ROOT),
                "Cannot " + wanted + " " + proposal.proposalId() + " of referral " + proposal.referenceId()
                        + ": it is " + proposal.status() + ".");
    }
}
