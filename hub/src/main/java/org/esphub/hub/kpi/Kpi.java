package org.esphub.hub.kpi;

/**
 * The oversight KPIs, each with its definition in words: what is counted (numerator) over what
 * (denominator), and where the figures come from. The {@link #id()} names the Prometheus series
 * ({@code esp_kpi_value{kpi="..."}}), the CSV rows and the JSON; the standard's target is quoted where
 * it gives one. A case belongs to the period its {@link #cohort} event fell in.
 */
public enum Kpi {

    REFERRAL_TO_FIRST_SERVICE_HOURS("referral_to_first_service_hours", "Referral to first service", Unit.HOURS,
            "sum of the hours from the referral's arrival to the PES caseworker's completed intake",
            "referrals whose intake was completed",
            "referral received", "engine history: referral-to-pes instances and their Intake task",
            "first appointment within 5 business days (PRS.EMPL.01)"),
    FIRST_CONTACT_WITHIN_5_WORKING_DAYS("first_contact_within_5_working_days", "First contact within 5 working days",
            Unit.PERCENT,
            "referrals whose intake was completed before the 5-working-day intake deadline fired",
            "referrals whose intake was completed or whose intake deadline fired",
            "referral received", "engine history: Intake task, IntakeOverdue timer of referral-to-pes",
            "95% of referrals from SP contacted within 5 days (monitoring and evaluation)"),
    REFERRAL_ACCEPTANCE_RATE("referral_acceptance_rate", "Referral acceptance", Unit.PERCENT,
            "eligible referrals PES accepted (registered, intake opened)",
            "referrals found eligible and sent to PES for registration",
            "referral received", "engine history: RegisterJobseeker and Intake of referral-to-pes",
            "> 95% for eligible beneficiaries (PRS.EMPL.01)"),
    INTAKE_COMPLETION_RATE("intake_completion_rate", "Intake completion", Unit.PERCENT,
            "accepted referrals whose intake (initial assessment) the PES caseworker completed",
            "referrals PES accepted (intake opened)",
            "referral received", "engine history: Intake task of referral-to-pes",
            "> 60% complete initial assessment (PRS.EMPL.01)"),
    TRAINING_COMPLETION_RATE("training_completion_rate", "Training completion", Unit.PERCENT,
            "trainings that ended with the provider's TrainingCompleted",
            "trainings that ended after the person was enrolled (not those with no programme or not approved)",
            "training ended", "engine history: training-enrolment instances and their end event",
            "75% of referred beneficiaries complete training programmes (monitoring and evaluation)"),
    TRAINING_CERTIFICATION_RATE("training_certification_rate", "Certification", Unit.PERCENT,
            "completed trainings for which the provider reported a certificate (certificate_id)",
            "trainings that ended with the provider's TrainingCompleted",
            "training ended", "engine history: training-enrolment end event and variable certificateId",
            null),
    PLACEMENT_WITHIN_6_MONTHS("placement_within_6_months", "Placement within 6 months", Unit.PERCENT,
            "referrals with a verified placement within 183 days of the agreed activation plan",
            "referrals whose activation plan was agreed (programme entry); recent cohorts are still maturing",
            "referral received", "engine history: ActivationPlanAgreed of referral-to-pes, placement verified in"
                    + " job-placement under it",
            "65-75% employed within 6 months of programme entry (monitoring and evaluation)"),
    RETENTION_30_DAYS("retention_30_days", "Retention at 30 days", Unit.PERCENT,
            "verified placements still in insured employment at the 30-day checkpoint",
            "verified placements whose 30-day checkpoint is decided (passed, or the placement ended before it)",
            "placement verified", "engine history: job-placement checkpoints (sequential, days in"
                    + " esp.lifecycle.placement.retention-checkpoint-days)",
            "89% 30-day retention (PRS.EMPL.04)"),
    RETENTION_6_MONTHS("retention_6_months", "Retention at 6 months", Unit.PERCENT,
            "verified placements still in insured employment at the 180-day checkpoint",
            "verified placements whose 180-day checkpoint is decided (passed, or the placement ended before it)",
            "placement verified", "engine history: job-placement checkpoints",
            "71-73% at 6 months (PRS.EMPL.04)"),
    RETENTION_12_MONTHS("retention_12_months", "Retention at 12 months", Unit.PERCENT,
            "verified placements still in insured employment at the 365-day checkpoint",
            "verified placements whose 365-day checkpoint is decided (passed, or the placement ended before it)",
            "placement verified", "engine history: job-placement checkpoints",
            "60-70% retention after 12 months (monitoring and evaluation)"),
    GRADUATION_RATE("graduation_rate", "Graduation", Unit.PERCENT,
            "referrals that ended in graduation (stable employment, benefit adjusted)",
            "referrals that ended after an agreed activation plan (graduated or exited)",
            "referral ended", "engine history: end event of referral-to-pes (Graduated, Exited)",
            "40-50% graduation within 24 months (monitoring and evaluation)"),
    RETURN_RATE("return_rate", "Return to assistance", Unit.PERCENT,
            "graduated persons referred again by SA within 12 months of graduating",
            "persons who graduated",
            "referral ended", "engine history: Graduated end event; the hub's referrals (esp_referral)",
            "less than 15% return to assistance within 12 months (monitoring and evaluation)"),
    SANCTION_RATE("sanction_rate", "Sanctions", Unit.PERCENT,
            "compliance monitoring episodes in which a sanction was decided and notified",
            "compliance monitoring episodes",
            "monitoring started", "engine history: activation-compliance instances, NotifySanctionDecided",
            null),
    APPEAL_RATE("appeal_rate", "Appeals of sanctions", Unit.PERCENT,
            "episodes with a notified sanction that was appealed",
            "episodes with a notified sanction",
            "monitoring started", "engine history: NotifySanctionDecided and DecideAppeal of activation-compliance",
            "12% appeal rate (PRS.EMPL.05)"),
    APPEALS_DECIDED_WITHIN_30_DAYS("appeals_decided_within_30_days", "Appeals decided within 30 days",
            Unit.PERCENT,
            "appeals decided within 30 days of being filed",
            "appeals decided, or filed more than 30 days ago",
            "appeal filed", "engine history: appeal instances and their AppealDecided event", null),
    STATUS_VERIFICATION_RESPONSE_SECONDS("status_verification_response_seconds", "Status-verification response time",
            Unit.SECONDS,
            "sum of the seconds from the verification request to its outcome",
            "status verifications finished",
            "verification requested", "engine history: employment-status-verification instance durations",
            "2.1 seconds average verification response time (PRS.EMPL.02)"),
    AUTOMATION_RATE("automation_rate", "Automation", Unit.PERCENT,
            "finished cases (top-level process instances) in which no person had a task",
            "finished cases (top-level process instances)",
            "case ended", "engine history: root process instances and their user tasks", null),
    CONSENT_COVERAGE("consent_coverage", "Consent coverage of exchanges", Unit.PERCENT,
            "personal-data exchanges the gate released under a recorded consent of the person",
            "personal-data exchanges the gate released (agreements that rest on another legal basis count too)",
            "exchange released", "the hub's audit log (esp_audit_event)", null);

    /** What a KPI's value is measured in. */
    public enum Unit {
        PERCENT, HOURS, SECONDS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String id;
    private final String title;
    private final Unit unit;
    private final String numerator;
    private final String denominator;
    private final String cohort;
    private final String source;
    private final String target;

    Kpi(String id, String title, Unit unit, String numerator, String denominator, String cohort, String source,
            String target) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.numerator = numerator;
        this.denominator = denominator;
        this.cohort = cohort;
        this.source = source;
        this.target = target;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    public String numerator() {
        return numerator;
    }

    public String denominator() {
        return denominator;
    }

    /** The event whose date puts a case in a period. */
    public String cohort() {
        return cohort;
    }

    public String source() {
        return source;
    }

    /** The standard's target, or null where it gives none. */
    public String target() {
        return target;
    }
}
