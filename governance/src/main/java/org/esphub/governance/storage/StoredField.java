package org.esphub.governance.storage;

import java.util.List;

/**
 * Every value from outside the hub that reaches a database column, with the column(s) it goes
 * into and the most it may hold there: the one place that knows the schema's limits. The intake,
 * the APIs and the audit log check values against these before anything is written, so a value
 * too long or with characters a column cannot hold is a clear 400 (or, in text the hub writes
 * itself, cut with a digest) and never a failed transaction. {@code StoredFieldsMatchMigrationsTest}
 * reads the Flyway migrations and fails when a limit here and a column there disagree.
 *
 * <p>Lengths count UTF-16 code units, see {@link StoredText}.
 */
public enum StoredField {

    // ids a caller gives: refused when they do not fit
    /** X-Correlation-ID (API) or the JMS correlation id (queues); the smallest column it reaches is 64. */
    CORRELATION_ID(64, Characters.TOKEN, "esp_inbound_message.correlation_id", "esp_referral.correlation_id",
            "esp_audit_event.correlation_id"),
    MESSAGE_ID(255, Characters.IDENTIFIER, "esp_inbound_message.message_id", "esp_referral.message_id"),
    TRANSACTION_ID(99, Characters.IDENTIFIER, "esp_inbound_message.transaction_id"),
    REFERENCE_ID(255, Characters.IDENTIFIER, "esp_referral.reference_id", "esp_active_referral.reference_id",
            "esp_referral_start.reference_id", "esp_audit_event.resource_id", "esp_compliance_request.reference_id"),
    SENDER_ID(255, Characters.IDENTIFIER, "esp_inbound_message.sender_id", "esp_referral.sender_id"),
    SENDER_URI(2048, Characters.LINE, "esp_inbound_message.sender_uri", "esp_webhook_delivery.target_url"),
    /** PersonIdFormat allows less (1-64 of a small alphabet); this is what storage allows. */
    PERSON_ID(64, Characters.LINE, "esp_referral.person_id", "esp_active_referral.person_id", "esp_consent.person_id",
            "esp_employment_status.person_id", "esp_audit_event.person_id", "esp_compliance_request.person_id"),
    /** A referral item's sp_program_context, kept until its process starts with them as variables. */
    PROGRAM_ID(255, Characters.LINE, "esp_referral_start.program_id", "esp_training_enrolment.programme_id"),
    BENEFIT_TYPE(255, Characters.LINE, "esp_referral_start.benefit_type"),
    CONSENT_PURPOSE(64, Characters.LINE, "esp_consent.purpose", "esp_audit_event.purpose"),
    /** The receivers of a consent, joined by commas. */
    CONSENT_SCOPE(1024, Characters.LINE, "esp_consent.scope"),
    CONSENT_SOURCE(255, Characters.TEXT, "esp_consent.source"),
    CONSENT_LEGAL_BASIS(1000, Characters.TEXT, "esp_consent.legal_basis", "esp_audit_event.legal_basis"),
    CONSENT_GIVEN_BY(255, Characters.LINE, "esp_consent.given_by"),
    WITHDRAWAL_REASON(1000, Characters.TEXT, "esp_consent.withdrawal_reason"),

    // text of audit records, which the hub writes itself: fitted (StoredText.fit), never refused
    AUDIT_ACTOR_ID(255, Characters.TEXT, "esp_audit_event.actor_id"),
    AUDIT_RESOURCE_TYPE(64, Characters.TEXT, "esp_audit_event.resource_type"),
    AUDIT_RESOURCE_ID(255, Characters.TEXT, "esp_audit_event.resource_id"),
    AUDIT_PERSON_ID(255, Characters.TEXT, "esp_audit_event.person_id"),
    AUDIT_PURPOSE(64, Characters.TEXT, "esp_audit_event.purpose"),
    AUDIT_LEGAL_BASIS(1000, Characters.TEXT, "esp_audit_event.legal_basis"),
    AUDIT_CORRELATION_ID(255, Characters.TEXT, "esp_audit_event.correlation_id"),
    AUDIT_EXCHANGE(128, Characters.TEXT, "esp_audit_event.exchange_name"),
    AUDIT_AGREEMENT(128, Characters.TEXT, "esp_audit_event.agreement"),
    AUDIT_RECEIVER(255, Characters.TEXT, "esp_audit_event.receiver"),
    AUDIT_REASON(1000, Characters.TEXT, "esp_audit_event.reason"),
    AUDIT_FILTERS_APPLIED(2000, Characters.TEXT, "esp_audit_event.filters_applied"),
    AUDIT_CONSENT_ID(36, Characters.TEXT, "esp_audit_event.consent_id"),
    AUDIT_PAYLOAD_DIGEST(64, Characters.TEXT, "esp_audit_event.payload_digest"),
    AUDIT_PARTNER(255, Characters.TEXT, "esp_audit_event.partner");

    /** Which characters a field may hold. */
    public enum Characters {
        /**
         * Letters, digits and {@code . - _ :}, starting with a letter or digit: the ids agencies give
         * their messages and referrals. They become business keys, ledger keys, query parameters and
         * log fields, so nothing in them may read as a path, a placeholder, markup or a statement.
         */
        IDENTIFIER("ASCII letters, digits, '.', '-', '_' or ':', starting with a letter or digit"),
        /** Visible ASCII, no spaces: ids that travel in HTTP headers and logs. */
        TOKEN("visible ASCII characters (no spaces)"),
        /** Any character but control characters: ids and codes. */
        LINE("no control characters"),
        /** Free text: control characters only as tab and line breaks. */
        TEXT("no control characters but tab and line breaks");

        private final String description;

        Characters(String description) {
            this.description = description;
        }

        boolean allows(String text) {
            if (this == IDENTIFIER && text.isEmpty()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean ok = switch (this) {
                    case IDENTIFIER -> c < 0x80 && (Character.isLetterOrDigit(c)
                            || (i > 0 && (c == '.' || c == '-' || c == '_' || c == ':')));
                    case TOKEN -> c > 0x20 && c < 0x7f;
                    case LINE -> StoredText.storable(text, i, false);
                    case TEXT -> StoredText.storable(text, i, true);
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private final int maxLength;
    private final Characters characters;
    private final List<String> columns;

    StoredField(int maxLength, Characters characters, String... columns) {
        this.maxLength = maxLength;
        this.characters = characters;
        this.columns = List.of(columns);
    }

    /** The most UTF-16 code units the field may hold (the smallest of its columns). */
    public int maxLength() {
        return maxLength;
    }

    /** {@code table.column} of every column the value is stored in. */
    public List<String> columns() {
        return columns;
    }

    public Characters characters() {
        return characters;
    }

    /** Whether the value can be stored as it is; null (absent) can. */
    public boolean fits(String value) {
        return value == null || (value.length() <= maxLength && characters.allows(value));
    }

    /**
     * What is wrong with the value, as a message naming it the way the caller sent it, or null
     * when it fits. The value itself is not repeated: it may be a megabyte long.
     */
    public String problem(String name, String value) {
        return fits(value) ? null : name + ": at most " + maxLength + " characters, " + characters.description
                + (value.length() > maxLength ? " (" + value.length() + " given)" : "");
    }

    /** Text the hub writes itself, made to fit this field ({@link StoredText#fit}). */
    public String fit(String value) {
        return StoredText.fit(value, maxLength);
    }
}
