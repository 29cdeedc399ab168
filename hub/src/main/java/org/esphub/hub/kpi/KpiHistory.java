package org.esphub.hub.kpi;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.Appeal;
import org.esphub.processes.EmploymentStatusVerification;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the KPIs, each for one period: queries over the engine's history tables
 * ({@code ACT_HI_*}, history level full) and the hub's own tables. Every query is bounded by its period
 * and by an indexed column (process definition key, instance id, activity id); where two moments of a
 * case are compared (days to intake, 6 months to a placement, 30 days to an appeal decision), only those
 * two timestamps per case of the period are read, as the databases (H2, PostgreSQL) share no date
 * arithmetic. A row of a boundary, throw or end event exists only once the event happened, which is how
 * "the deadline fired" and "the plan was agreed" are told.
 */
@Repository
public class KpiHistory {

    /** A case's cohort: the referral-to-pes instances that started in the period. */
    private static final String REFERRALS = " FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = '"
            + ReferralToPes.PROCESS_KEY + "' AND p.START_TIME_ >= ? AND p.START_TIME_ < ?";
    private static final String INTAKE_COMPLETED = "EXISTS (SELECT 1 FROM ACT_HI_TASKINST t WHERE t.PROC_INST_ID_ = p.ID_"
            + " AND t.TASK_DEF_KEY_ = '" + ReferralToPes.INTAKE + "' AND t.DELETE_REASON_ = 'completed')";
    private static final String INTAKE_OPENED = passed(ReferralToPes.INTAKE);
    private static final String INTAKE_OVERDUE = passed(ReferralToPes.INTAKE_OVERDUE);

    private final JdbcTemplate jdbc;

    public KpiHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String passed(String activityId) {
        return "EXISTS (SELECT 1 FROM ACT_HI_ACTINST a WHERE a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ = '" + activityId + "')";
    }

    // ---- referral-to-pes, by the referral's arrival -----------------------------------------------------

    public Figure referralToFirstService(Period period) {
        List<Duration> waits = jdbc.query("SELECT p.START_TIME_, MIN(t.END_TIME_) FROM ACT_HI_PROCINST p"
                + " JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = p.ID_ AND t.TASK_DEF_KEY_ = ? AND t.DELETE_REASON_ = 'completed'"
                + " WHERE p.PROC_DEF_KEY_ = ? AND p.START_TIME_ >= ? AND p.START_TIME_ < ? GROUP BY p.ID_, p.START_TIME_",
                (row, n) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()),
                ReferralToPes.INTAKE, ReferralToPes.PROCESS_KEY, at(period.from()), at(period.to()));
        double hours = waits.stream().mapToDouble(wait -> wait.toSeconds() / 3_600.0).sum();
        return Figure.average(period.label(), hours, waits.size());
    }

    public Figure firstContactInTime(Period period) {
        return Figure.rate(period.label(),
                count(REFERRALS + " AND " + INTAKE_COMPLETED + " AND NOT " + INTAKE_OVERDUE, period),
                count(REFERRALS + " AND (" + INTAKE_COMPLETED + " OR " + INTAKE_OVERDUE + ")", period));
    }

    public Figure referralAcceptance(Period period) {
        return Figure.rate(period.label(), count(REFERRALS + " AND " + INTAKE_OPENED, period),
                count(REFERRALS + " AND " + passed(ReferralToPes.REGISTER_JOBSEEKER), period));
    }

    public Figure intakeCompletion(Period period) {
        return Figure.rate(period.label(), count(REFERRALS + " AND " + INTAKE_COMPLETED, period),
                count(REFERRALS + " AND " + INTAKE_OPENED, period));
    }

    /** Programme entry (the agreed plan) and the first verified placement under the referral, per referral. */
    public Figure placementWithinSixMonths(Period period) {
        List<Instant[]> cases = jdbc.query("SELECT MIN(a.START_TIME_),"
                + " (SELECT MIN(v.START_TIME_) FROM ACT_HI_ACTINST v WHERE v.ROOT_PROC_INST_ID_ = p.ID_"
                + " AND v.PROC_DEF_KEY_ = ? AND v.ACT_ID_ = ?)"
                + " FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ = ?"
                + " WHERE p.PROC_DEF_KEY_ = ? AND p.START_TIME_ >= ? AND p.START_TIME_ < ? GROUP BY p.ID_",
                (row, n) -> new Instant[] {instant(row.getTimestamp(1)), instant(row.getTimestamp(2))},
                JobPlacement.PROCESS_KEY, JobPlacement.ESCALATE_PLACEMENT_VERIFIED, ReferralToPes.ACTIVATION_PLAN_AGREED,
                ReferralToPes.PROCESS_KEY, at(period.from()), at(period.to()));
        return Figure.rate(period.label(), within(cases, Duration.ofDays(183)), cases.size());
    }

    // ---- referral-to-pes, by the referral's end ----------------------------------------------------------

    public Figure graduation(Period period) {
        String ended = " FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = ? AND p.END_TIME_ >= ? AND p.END_TIME_ < ?";
        return Figure.rate(period.label(),
                jdbc.queryForObject("SELECT COUNT(*)" + ended + " AND p.END_ACT_ID_ = ?", Long.class,
                        ReferralToPes.PROCESS_KEY, at(period.from()), at(period.to()), ReferralToPes.GRADUATED),
                jdbc.queryForObject("SELECT COUNT(*)" + ended + " AND p.END_ACT_ID_ IN (?, ?)", Long.class,
                        ReferralToPes.PROCESS_KEY, at(period.from()), at(period.to()), ReferralToPes.GRADUATED,
                        ReferralToPes.EXITED));
    }

    /** Graduations of the period and, per graduate, SA's next accepted referral of the same person. */
    public Figure returnToAssistance(Period period) {
        List<Instant[]> graduates = jdbc.query("SELECT p.END_TIME_,"
                + " (SELECT MIN(again.received_at) FROM esp_referral again WHERE again.person_id = r.person_id"
                + " AND again.process_instance_id IS NOT NULL AND again.received_at > p.END_TIME_)"
                + " FROM ACT_HI_PROCINST p JOIN esp_referral r ON r.process_instance_id = p.ID_"
                + " WHERE p.PROC_DEF_KEY_ = ? AND p.END_ACT_ID_ = ? AND p.END_TIME_ >= ? AND p.END_TIME_ < ?",
                (row, n) -> new Instant[] {instant(row.getTimestamp(1)), instant(row.getTimestamp(2))},
                ReferralToPes.PROCESS_KEY, ReferralToPes.GRADUATED, at(period.from()), at(period.to()));
        return Figure.rate(period.label(), within(graduates, Duration.ofDays(365)), graduates.size());
    }

    // ---- training-enrolment, by its end ------------------------------------------------------------------

    public Figure trainingCompletion(Period period) {
        return Figure.rate(period.label(), trainingsEnded(period, " AND p.END_ACT_ID_ = ?", TrainingEnrolment.TRAINING_COMPLETED_END),
                trainingsEnded(period, " AND p.END_ACT_ID_ IS NOT NULL AND p.END_ACT_ID_ NOT IN (?, ?)",
                        TrainingEnrolment.NO_PROGRAMME, TrainingEnrolment.NOT_APPROVED));
    }

    public Figure trainingCertification(Period period) {
        return Figure.rate(period.label(), trainingsEnded(period, " AND p.END_ACT_ID_ = ? AND EXISTS (SELECT 1 FROM"
                        + " ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = p.ID_ AND v.NAME_ = ? AND v.TEXT_ IS NOT NULL)",
                        TrainingEnrolment.TRAINING_COMPLETED_END, TrainingEnrolment.VAR_CERTIFICATE_ID),
                trainingsEnded(period, " AND p.END_ACT_ID_ = ?", TrainingEnrolment.TRAINING_COMPLETED_END));
    }

    private long trainingsEnded(Period period, String condition, Object... values) {
        Object[] arguments = new Object[3 + values.length];
        arguments[0] = TrainingEnrolment.PROCESS_KEY;
        arguments[1] = at(period.from());
        arguments[2] = at(period.to());
        System.arraycopy(values, 0, arguments, 3, values.length);
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = ?"
                + " AND p.END_TIME_ >= ? AND p.END_TIME_ < ?" + condition, Long.class, arguments);
    }

    // ---- job-placement, by the verification -------------------------------------------------------------

    /**
     * Retention at the {@code checkpoint}-th retention checkpoint (1-based; they run in sequence): retained
     * if that many passed, decided if so or if the placement ended with fewer.
     */
    public Figure retention(Period period, int checkpoint) {
        List<long[]> placements = jdbc.query("SELECT CASE WHEN p.END_TIME_ IS NULL THEN 0 ELSE 1 END,"
                + " (SELECT COUNT(*) FROM ACT_HI_ACTINST c WHERE c.PROC_INST_ID_ = p.ID_ AND c.ACT_ID_ = ?)"
                + " FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = ? AND EXISTS (SELECT 1 FROM ACT_HI_ACTINST v"
                + " WHERE v.PROC_INST_ID_ = p.ID_ AND v.ACT_ID_ = ? AND v.START_TIME_ >= ? AND v.START_TIME_ < ?)",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)},
                JobPlacement.CHECKPOINT_PASSED, JobPlacement.PROCESS_KEY, JobPlacement.ESCALATE_PLACEMENT_VERIFIED,
                at(period.from()), at(period.to()));
        long retained = placements.stream().filter(p -> p[1] >= checkpoint).count();
        long decided = placements.stream().filter(p -> p[1] >= checkpoint || p[0] == 1).count();
        return Figure.rate(period.label(), retained, decided);
    }

    // ---- activation-compliance and appeal, by their start ------------------------------------------------

    public Figure sanctions(Period period) {
        String episodes = " FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = '" + ActivationCompliance.PROCESS_KEY
                + "' AND p.START_TIME_ >= ? AND p.START_TIME_ < ?";
        return Figure.rate(period.label(), count(episodes + " AND " + passed(ActivationCompliance.NOTIFY_SANCTION_DECIDED), period),
                count(episodes, period));
    }

    public Figure appeals(Period period) {
        String sanctioned = " FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = '" + ActivationCompliance.PROCESS_KEY
                + "' AND p.START_TIME_ >= ? AND p.START_TIME_ < ? AND " + passed(ActivationCompliance.NOTIFY_SANCTION_DECIDED);
        return Figure.rate(period.label(), count(sanctioned + " AND " + passed(ActivationCompliance.DECIDE_APPEAL), period),
                count(sanctioned, period));
    }

    public Figure appealsDecidedInTime(Period period, Instant now) {
        List<Instant[]> appeals = jdbc.query("SELECT p.START_TIME_, (SELECT MIN(d.START_TIME_) FROM ACT_HI_ACTINST d"
                + " WHERE d.PROC_INST_ID_ = p.ID_ AND d.ACT_ID_ = ?) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = ?"
                + " AND p.START_TIME_ >= ? AND p.START_TIME_ < ?",
                (row, n) -> new Instant[] {instant(row.getTimestamp(1)), instant(row.getTimestamp(2))},
                Appeal.APPEAL_DECIDED, Appeal.PROCESS_KEY, at(period.from()), at(period.to()));
        Duration limit = Duration.ofDays(30);
        long inTime = within(appeals, limit);
        long due = appeals.stream().filter(a -> a[1] != null || !now.isBefore(a[0].plus(limit))).count();
        return Figure.rate(period.label(), inTime, due);
    }

    // ---- status verification, automation, consent -------------------------------------------------------

    public Figure statusVerificationResponse(Period period) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(p.DURATION_), 0) FROM ACT_HI_PROCINST p"
                + " WHERE p.PROC_DEF_KEY_ = ? AND p.START_TIME_ >= ? AND p.START_TIME_ < ? AND p.END_TIME_ IS NOT NULL",
                (row, n) -> Figure.average(period.label(), row.getLong(2) / 1000.0, row.getLong(1)),
                EmploymentStatusVerification.PROCESS_KEY, at(period.from()), at(period.to()));
    }

    public Figure automation(Period period) {
        String cases = " FROM ACT_HI_PROCINST p WHERE p.ID_ = p.ROOT_PROC_INST_ID_ AND p.END_TIME_ >= ? AND p.END_TIME_ < ?";
        return Figure.rate(period.label(), count(cases + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_TASKINST t"
                + " WHERE t.ROOT_PROC_INST_ID_ = p.ID_)", period), count(cases, period));
    }

    public Figure consentCoverage(Period period) {
        String released = " FROM esp_audit_event e WHERE e.occurred_at >= ? AND e.occurred_at < ? AND e.outcome = 'RELEASED'"
                + " AND e.exchange_name IS NOT NULL AND e.person_id IS NOT NULL";
        Object from = period.from().atOffset(ZoneOffset.UTC);
        Object to = period.to().atOffset(ZoneOffset.UTC);
        return Figure.rate(period.label(),
                jdbc.queryForObject("SELECT COUNT(*)" + released + " AND e.consent_id IS NOT NULL", Long.class, from, to),
                jdbc.queryForObject("SELECT COUNT(*)" + released, Long.class, from, to));
    }

    // ---- the referral funnel -----------------------------------------------------------------------------

    /** Referrals of the period at each stage, in order: received ... graduated. */
    public List<Long> referralFunnel(Period period) {
        return List.of(count(REFERRALS, period),
                count(REFERRALS + " AND " + passed(ReferralToPes.REGISTER_JOBSEEKER), period),
                count(REFERRALS + " AND " + INTAKE_OPENED, period),
                count(REFERRALS + " AND " + INTAKE_COMPLETED, period),
                count(REFERRALS + " AND " + passed(ReferralToPes.ACTIVATION_PLAN_AGREED), period),
                count(REFERRALS + " AND EXISTS (SELECT 1 FROM ACT_HI_ACTINST v WHERE v.ROOT_PROC_INST_ID_ = p.ID_"
                        + " AND v.PROC_DEF_KEY_ = '" + JobPlacement.PROCESS_KEY + "' AND v.ACT_ID_ = '"
                        + JobPlacement.ESCALATE_PLACEMENT_VERIFIED + "')", period),
                count(REFERRALS + " AND p.END_ACT_ID_ = '" + ReferralToPes.GRADUATED + "'", period));
    }

    public static final List<String> FUNNEL_STAGES = List.of("referred", "sent to PES", "accepted by PES",
            "intake completed", "plan agreed", "placement verified", "graduated");

    /** The cases whose second moment came, and no later than {@code limit} after the first. */
    private static long within(List<Instant[]> cases, Duration limit) {
        return cases.stream().filter(c -> c[1] != null && !c[1].isAfter(c[0].plus(limit))).count();
    }

    private long count(String fromWhere, Period period) {
        return jdbc.queryForObject("SELECT COUNT(*)" + fromWhere, Long.class, at(period.from()), at(period.to()));
    }

    /** The engine writes its history timestamps in the JVM's zone, as JDBC reads this one. */
    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
