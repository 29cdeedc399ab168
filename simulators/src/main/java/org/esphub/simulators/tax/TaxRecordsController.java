package org.esphub.simulators.tax;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.sources.SourceBehaviours;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tax / social-insurance authority: insured employment per person, the second source of the
 * hub's employment-status verification (PRS.EMPL.02).
 */
@RestController
@RequestMapping("/sim/tax/persons/{personId}/employments")
@ConditionalOnSimulatorsEnabled
class TaxRecordsController {

    private final ContributionRegister register;
    private final SourceBehaviours behaviours;

    TaxRecordsController(ContributionRegister register, SourceBehaviours behaviours) {
        this.register = register;
        this.behaviours = behaviours;
    }

    /** The record, unless a behaviour set for the person makes the authority down or its data stale. */
    @GetMapping
    ContributionRecord employments(@PathVariable String personId) {
        Integer staleDays = behaviours.answering(SourceBehaviours.TAX, personId).staleDays();
        return register.recordOf(personId, staleDays == null ? 0 : staleDays);
    }

    /** An employer's first declaration for a new hire; the spell counts from its start date. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContributionRecord report(@PathVariable String personId, @RequestBody InsuredEmployment employment) {
        if (employment.employerName() == null || employment.employerName().isBlank() || employment.startDate() == null
                || employment.monthlyIncome() == null || !employment.monthlyIncome().matches("\\d{1,13}\\.\\d{1,2}")
                || employment.employmentType() == null) {
            throw new InvalidRequestException("request.invalid", "employer_name, start_date, employment_type and"
                    + " monthly_income (decimal such as 1200.00) are required.");
        }
        if (employment.endDate() != null && employment.endDate().isBefore(employment.startDate())) {
            throw new InvalidRequestException("request.invalid", "end_date must not be before start_date.");
        }
        String currency = employment.currency() == null ? register.currency() : employment.currency();
        return register.report(personId, new InsuredEmployment(employment.employerName().strip(), employment.startDate(),
                employment.endDate(), employment.employmentType(), employment.monthlyIncome(), currency));
    }
}
