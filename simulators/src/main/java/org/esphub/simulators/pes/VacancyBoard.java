package org.esphub.simulators.pes;

import java.math.BigDecimal;
import java.util.List;

/**
 * The open vacancies employers posted with PES (PES runs the job board, employers post to it): a
 * small fixed list, so a counsellor picks a real vacancy in the hub's form. Two of them show the
 * placement's suitability check refusing an offer: too few hours a week (VAC-2) and a fixed-term
 * contract too short (VAC-4).
 */
public final class VacancyBoard {

    public static final List<Vacancy> OPEN = List.of(
            vacancy("VAC-1", "EMP-ACME", "Acme Manufacturing", "Machine operator", 38, "1450.00", "PERMANENT", null),
            vacancy("VAC-2", "EMP-ACME", "Acme Manufacturing", "Warehouse assistant (part-time)", 12, "520.00",
                    "PERMANENT", null),
            vacancy("VAC-3", "EMP-CARE", "City Care Homes", "Care assistant", 36, "1380.00", "FIXED_TERM", 12),
            vacancy("VAC-4", "EMP-CARE", "City Care Homes", "Seasonal kitchen help", 30, "1100.00", "FIXED_TERM", 2),
            vacancy("VAC-5", "EMP-SHOP", "Corner Retail", "Shop assistant", 40, "1300.00", "PROBATIONARY", null));

    private VacancyBoard() {
    }

    private static Vacancy vacancy(String vacancyId, String employerId, String employerName, String jobTitle,
            int hoursPerWeek, String monthlyWage, String contractType, Integer contractMonths) {
        return new Vacancy(vacancyId, employerId, employerName, jobTitle, BigDecimal.valueOf(hoursPerWeek),
                new BigDecimal(monthlyWage), contractType, contractMonths);
    }
}
