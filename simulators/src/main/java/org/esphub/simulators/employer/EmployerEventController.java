package org.esphub.simulators.employer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.EventRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play the employer answering a proposal: its decision ({@code EmployerDecided},
 * possibly with other terms), the hire ({@code PlacementReported}) and the end of the employment
 * ({@code EmploymentEnded}). Each must fit the referral's latest proposal (decided only once, hired
 * only when accepted, ended only when hired); it is completed with the proposal's facts and sent to
 * the hub through PES on {@code esp.pes.events.in}. Hire and end are also declared to the tax
 * authority, as an employer's contribution declarations would be.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class EmployerEventController {

    static final String EMPLOYER_DECIDED = "EmployerDecided";
    static final String PLACEMENT_REPORTED = "PlacementReported";
    static final String EMPLOYMENT_ENDED = "EmploymentEnded";

    private final ProposalRegister register;
    private final HireDeclarations declarations;
    private final EmployerEventPublisher publisher;

    EmployerEventController(ProposalRegister register, HireDeclarations declarations, EmployerEventPublisher publisher) {
        this.register = register;
        this.declarations = declarations;
        this.publisher = publisher;
    }

    @PostMapping("/sim/employer/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage emit(@RequestBody JsonNode body) {
        ObjectNode event = EventRequest.of(body, Set.of(EMPLOYER_DECIDED, PLACEMENT_REPORTED, EMPLOYMENT_ENDED));
        Proposal proposal = register.latestOf(event.get("reference_id").asText());
        putIfAbsent(event, "person_id", proposal.personId());
        putIfAbsent(event, "employer_id", proposal.employerId());
        putIfAbsent(event, "vacancy_id", proposal.vacancyId());
        return switch (event.get("event_type").asText()) {
            case EMPLOYER_DECIDED -> decided(event, proposal);
            case PLACEMENT_REPORTED -> hired(event, proposal);
            default -> ended(event, proposal);
        };
    }

    private AcceptedMessage decided(ObjectNode event, Proposal proposal) {
        JsonNode accepted = event.get("employer_accepted");
        if (accepted == null || !accepted.isBoolean()) {
            throw EventRequest.invalid("employer_accepted is required and must be true or false.");
        }
        OfferedTerms terms = new OfferedTerms(number(event, "hours_per_week"), number(event, "monthly_wage"),
                text(event, "contract_type"), integer(event, "contract_months"), date(event, "start_date"));
        register.inStatus(proposal.proposalId(), Proposal.PROPOSED, "decide on");
        AcceptedMessage sent = send(event, proposal);
        // recorded once the hub has been told, so a failed send can be tried again
        register.decide(proposal.proposalId(), accepted.asBoolean(), terms, text(event, "employer_decision_reason"));
        return sent;
    }

    private AcceptedMessage hired(ObjectNode event, Proposal proposal) {
        register.inStatus(proposal.proposalId(), Proposal.ACCEPTED, "report the hire of");
        LocalDate startDate = LocalDate.parse(startDateOf(event, proposal));
        event.put("start_date", startDate.toString());
        declarations.declareHire(proposal, startDate, number(event, "monthly_wage"));
        AcceptedMessage sent = send(event, proposal);
        register.hire(proposal.proposalId(), startDate.toString());
        return sent;
    }

    private AcceptedMessage ended(ObjectNode event, Proposal proposal) {
        register.inStatus(proposal.proposalId(), Proposal.HIRED, "end the employment of");
        String endDate = date(event, "employment_end_date");
        if (endDate == null) {
            endDate = register.today().toString();
            event.put("employment_end_date", endDate);
        }
        declarations.declareEnd(proposal, LocalDate.parse(proposal.startDate()), LocalDate.parse(endDate));
        AcceptedMessage sent = send(event, proposal);
        register.end(proposal.proposalId(), endDate, text(event, "employment_end_reason"));
        return sent;
    }

    private AcceptedMessage send(ObjectNode event, Proposal proposal) {
        return new AcceptedMessage(publisher.publish(event, proposal.correlationId()), publisher.queue());
    }

    /** The start the report names, else the one the employer offered or the vacancy's. */
    private static String startDateOf(ObjectNode event, Proposal proposal) {
        String reported = date(event, "start_date");
        if (reported != null) {
            return reported;
        }
        if (proposal.startDate() == null) {
            throw EventRequest.invalid("start_date is required: neither the proposal nor the decision named one.");
        }
        return proposal.startDate();
    }

    private static void putIfAbsent(ObjectNode event, String field, String value) {
        if (!event.hasNonNull(field) && value != null) {
            event.put(field, value);
        }
    }

    private static String text(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw EventRequest.invalid(field + " must be a string.");
        }
        return value.asText();
    }

    private static String date(ObjectNode event, String field) {
        String value = text(event, field);
        if (value == null) {
            return null;
        }
        try {
            return ProposalRegister.isoDate(value, field);
        } catch (RuntimeException e) {
            throw EventRequest.invalid(field + " must be an ISO date (yyyy-MM-dd).");
        }
    }

    private static BigDecimal number(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            throw EventRequest.invalid(field + " must be a number, not negative.");
        }
        return value.decimalValue();
    }

    private static Integer integer(ObjectNode event, String field) {
        BigDecimal value = number(event, field);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw EventRequest.invalid(field + " must be a whole number.");
        }
        return value.intValueExact();
    }
}
