package org.esphub.simulators.tax;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.esphub.simulators.InvalidRequestException;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Social insurance's view of employers receiving wage subsidies (PRS.EMPL.08): each employer's standing
 * (in good standing unless a tester says otherwise) and, per subsidised worker, what the monthly
 * compliance reports say. Declaring a subsidised worker also declares the hire in the insured-employment
 * register, ending the spell when the worker leaves, so the hub's registration and retention checks read
 * the same facts. All methods are synchronized.
 */
public class EmployerCompliance {

    private final ContributionRegister register;
    private final Map<String, Map<String, Object>> standings = new HashMap<>();
    private final Map<String, SubsidisedWorker> workers = new HashMap<>();

    public EmployerCompliance(ContributionRegister register) {
        this.register = register;
    }

    /**
     * What social insurance knows of one subsidised job.
     *
     * @param leftInMonth       the subsidy month in which the worker left; null while employed
     * @param unregisteredMonths months the worker was not registered
     * @param unpaidMonths       months the contributions were not paid
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubsidisedWorker(String employerId, String personId, LocalDate startDate, long monthlyWage,
            @Nullable Integer leftInMonth, Set<Integer> unregisteredMonths, Set<Integer> unpaidMonths) {
    }

    /** The employer's standing: good unless set. */
    public synchronized Map<String, Object> standingOf(String employerId) {
        Map<String, Object> standing = new LinkedHashMap<>();
        standing.put("employer_id", employerId);
        standing.put("contributions_paid", true);
        standing.put("open_violations", 0);
        standing.put("outstanding_obligations", null);
        standing.putAll(standings.getOrDefault(employerId, Map.of()));
        return standing;
    }

    /** A tester sets the standing: contributions_paid, open_violations, outstanding_obligations. */
    public synchronized Map<String, Object> setStanding(String employerId, Map<String, Object> standing) {
        if (!(standing.get("contributions_paid") instanceof Boolean)
                || !(standing.get("open_violations") instanceof Integer violations) || violations < 0) {
            throw new InvalidRequestException("request.invalid",
                    "contributions_paid (true or false) and open_violations (0 or more) are required.");
        }
        Map<String, Object> kept = new HashMap<>();
        kept.put("contributions_paid", standing.get("contributions_paid"));
        kept.put("open_violations", violations);
        kept.put("outstanding_obligations", standing.get("outstanding_obligations"));
        standings.put(employerId, kept);
        return standingOf(employerId);
    }

    /** Declares a subsidised worker (and the hire in the insured-employment register). */
    public synchronized SubsidisedWorker declare(SubsidisedWorker worker) {
        if (!StringUtils.hasText(worker.employerId()) || !StringUtils.hasText(worker.personId())
                || worker.startDate() == null || worker.monthlyWage() <= 0
                || (worker.leftInMonth() != null && worker.leftInMonth() < 1)) {
            throw new InvalidRequestException("request.invalid",
                    "start_date and a positive monthly_wage are required; left_in_month, if given, is 1 or more.");
        }
        SubsidisedWorker kept = new SubsidisedWorker(worker.employerId(), worker.personId(), worker.startDate(),
                worker.monthlyWage(), worker.leftInMonth(), Set.copyOf(worker.unregisteredMonths()),
                Set.copyOf(worker.unpaidMonths()));
        workers.put(key(worker.employerId(), worker.personId()), kept);
        register.report(worker.personId(), new InsuredEmployment(worker.employerId(), worker.startDate(), endOf(kept), "FULL_TIME",
                worker.monthlyWage() + ".00", register.currency()));
        return kept;
    }

    /**
     * The compliance report for one subsidy month of one worker.
     *
     * @throws InvalidRequestException (400) without employer, person or a month of 1 or more
     * @throws UnknownSubsidisedWorkerException (404) for a worker nobody declared
     */
    public synchronized Map<String, Object> report(Map<String, Object> query) {
        String employerId = text(query.get("employer_id"));
        String personId = text(query.get("person_id"));
        if (employerId == null || personId == null || !(query.get("subsidy_month") instanceof Integer month) || month < 1) {
            throw new InvalidRequestException("request.invalid", "employer_id, person_id and subsidy_month (1 or more) are required.");
        }
        SubsidisedWorker worker = workers.get(key(employerId, personId));
        if (worker == null) {
            throw new UnknownSubsidisedWorkerException(employerId, personId);
        }
        boolean employed = worker.leftInMonth() == null || month < worker.leftInMonth();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("worker_employed", employed);
        report.put("worker_registered", employed && !worker.unregisteredMonths().contains(month));
        report.put("contributions_paid", !worker.unpaidMonths().contains(month));
        report.put("reported_wage", employed ? worker.monthlyWage() : 0L);
        return report;
    }

    /**
     * The worker's insured employment as registered by this employer, for the subsidy's registration and
     * retention checks: a registration by any other employer is not this job and does not count.
     *
     * @return {@code employer_id}, {@code person_id} and {@code employments} (the job's spell: start date, end
     *     date once the worker left)
     * @throws InvalidRequestException (400) without employer or person
     * @throws UnknownSubsidisedWorkerException (404) when this employer registered no such worker
     */
    public synchronized Map<String, Object> registrationBy(Map<String, Object> query) {
        String employerId = text(query.get("employer_id"));
        String personId = text(query.get("person_id"));
        if (employerId == null || personId == null) {
            throw new InvalidRequestException("request.invalid", "employer_id and person_id are required.");
        }
        SubsidisedWorker worker = workers.get(key(employerId, personId));
        if (worker == null) {
            throw new UnknownSubsidisedWorkerException(employerId, personId);
        }
        Map<String, Object> spell = new LinkedHashMap<>();
        spell.put("start_date", worker.startDate().toString());
        LocalDate end = endOf(worker);
        spell.put("end_date", end == null ? null : end.toString());
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("employer_id", employerId);
        registration.put("person_id", personId);
        registration.put("employments", List.of(spell));
        return registration;
    }

    public synchronized List<SubsidisedWorker> workers() {
        return List.copyOf(workers.values());
    }

    /** The worker leaves in the job's month N: the spell ends on that month's last day. */
    private static LocalDate endOf(SubsidisedWorker worker) {
        return worker.leftInMonth() == null ? null : worker.startDate().plusMonths(worker.leftInMonth()).minusDays(1);
    }

    private static String key(String employerId, String personId) {
        return employerId + "/" + personId;
    }

    private static String text(Object value) {
        return value instanceof String text && StringUtils.hasText(text) ? text : null;
    }
}
