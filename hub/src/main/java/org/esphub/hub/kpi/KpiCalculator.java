package org.esphub.hub.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.esphub.processes.JobPlacementSettings;
import org.springframework.stereotype.Service;

/**
 * Computes the KPIs of the last periods from {@link KpiHistory}. Each call reads the database
 * afresh (a few bounded queries per KPI and period); the gauges keep their own copy
 * ({@link KpiGauges}).
 */
@Service
public class KpiCalculator {

    /** Retention is reported at these days after the job's start, when a checkpoint falls on or after them. */
    private static final int DAYS_30 = 30;
    private static final int DAYS_6_MONTHS = 180;
    private static final int DAYS_12_MONTHS = 365;
    static final String ALL_REGIONS = "all";

    private final KpiHistory history;
    private final KpiProperties properties;
    private final List<Integer> checkpointDays;

    public KpiCalculator(KpiHistory history, KpiProperties properties, JobPlacementSettings placements) {
        this.history = history;
        this.properties = properties;
        this.checkpointDays = placements.getRetentionCheckpointDays();
    }

    public KpiReport report(Granularity granularity, int periodCount) {
        // the engine's clock: the same "now" as the history it wrote (tests move it)
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<Period> periods = granularity.periodsUpTo(now, periodCount, properties.zone());
        List<KpiReport.Series> series = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            series.add(KpiReport.Series.of(kpi, periods.stream().map(figureOf(kpi, now)).toList()));
        }
        Period whole = new Period("all", periods.get(0).from(), periods.get(periods.size() - 1).to());
        return new KpiReport(now, granularity.label(), ALL_REGIONS, periods.stream().map(Period::label).toList(),
                series, new KpiReport.Funnel(KpiHistory.FUNNEL_STAGES, history.referralFunnel(whole)));
    }

    private Function<Period, Figure> figureOf(Kpi kpi, Instant now) {
        return switch (kpi) {
            case REFERRAL_TO_FIRST_SERVICE_HOURS -> history::referralToFirstService;
            case FIRST_CONTACT_WITHIN_5_WORKING_DAYS -> history::firstContactInTime;
            case REFERRAL_ACCEPTANCE_RATE -> history::referralAcceptance;
            case INTAKE_COMPLETION_RATE -> history::intakeCompletion;
            case TRAINING_COMPLETION_RATE -> history::trainingCompletion;
            case TRAINING_CERTIFICATION_RATE -> history::trainingCertification;
            case PLACEMENT_WITHIN_6_MONTHS -> history::placementWithinSixMonths;
            case RETENTION_30_DAYS -> period -> history.retention(period, checkpointReaching(DAYS_30));
            case RETENTION_6_MONTHS -> period -> history.retention(period, checkpointReaching(DAYS_6_MONTHS));
            case RETENTION_12_MONTHS -> period -> history.retention(period, checkpointReaching(DAYS_12_MONTHS));
            case GRADUATION_RATE -> history::graduation;
            case RETURN_RATE -> history::returnToAssistance;
            case SANCTION_RATE -> history::sanctions;
            case APPEAL_RATE -> history::appeals;
            case APPEALS_DECIDED_WITHIN_30_DAYS -> period -> history.appealsDecidedInTime(period, now);
            case STATUS_VERIFICATION_RESPONSE_SECONDS -> history::statusVerificationResponse;
            case AUTOMATION_RATE -> history::automation;
            case CONSENT_COVERAGE -> history::consentCoverage;
        };
    }

    /** The 1-based position of the first configured checkpoint on or after {@code days} (the last one if none). */
    int checkpointReaching(int days) {
        for (int i = 0; i < checkpointDays.size(); i++) {
            if (checkpointDays.get(i) >= days) {
                return i + 1;
            }
        }
        return checkpointDays.size();
    }
}
