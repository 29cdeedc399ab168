package org.esphub.simulators.employer;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employers' gateway: takes the hub's candidate proposals and withdrawals for any employer
 * and vacancy (employers post their vacancies at PES: the PES simulator's job board), and lists them.
 */
@RestController
@RequestMapping("/sim/employer")
@ConditionalOnSimulatorsEnabled
class EmployerController {

    private final ProposalRegister register;

    EmployerController(ProposalRegister register) {
        this.register = register;
    }

    /** 201 for a new proposal, 200 with the same proposal for a repeat. */
    @PostMapping("/proposals")
    ResponseEntity<Proposal> propose(@RequestBody ProposalRequest request,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                     @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ProposalRegister.Outcome outcome = register.propose(request, idempotencyKey, correlationId);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.proposal());
    }

    /** 200, also for a repeat or a proposal already declined; 404 {@code proposal.unknown}, 409 once hired. */
    @PostMapping("/withdrawals")
    Proposal withdraw(@RequestBody ProposalRequest request,
                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return register.withdraw(request, idempotencyKey);
    }

    @GetMapping("/proposals")
    List<Proposal> proposals(@RequestParam(name = "reference_id", required = false) String referenceId,
                             @RequestParam(name = "employer_id", required = false) String employerId) {
        return register.all(referenceId, employerId);
    }

    @GetMapping("/proposals/{proposalId}")
    Proposal proposal(@PathVariable String proposalId) {
        return register.find(proposalId).orElseThrow(() -> new ProposalNotFoundException(proposalId));
    }
}
