package org.esphub.hub.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementLoader;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Who received a field's old value, read from the person's audit records against the shipped agreements:
 * a release counts whatever version of its agreement it was made under, a field the gate filtered out does
 * not, nor a refused exchange or the field's own source.
 */
class ReceiversOfOldValueTest {

    private static final String PERSON = "10000000042";
    private static final AgreementCatalogue AGREEMENTS = AgreementLoader.load(new PathMatchingResourcePatternResolver(),
            List.of("classpath*:agreements/*.yaml"));
    private static final RectifiableField BIRTH_DATE = RectifiableField.named("birth_date").orElseThrow();

    @Test
    void a_registration_under_an_earlier_version_of_its_agreement_still_counts() {
        ReceiversOfOldValue receivers = over(registration("sa-pes-activation-referral@1.0.0", AuditOutcome.RELEASED, ""));

        assertThat(receivers.of(PERSON, BIRTH_DATE)).extracting(ReceiversOfOldValue.Receiver::told)
                .containsExactly("pes.gov.example");
    }

    @Test
    void a_refused_exchange_or_a_field_the_gate_removed_told_no_one() {
        ReceiversOfOldValue receivers = over(
                registration("sa-pes-activation-referral@1.2.0", AuditOutcome.REFUSED, ""),
                registration("sa-pes-activation-referral@1.2.0", AuditOutcome.RELEASED, "birth_date"));

        assertThat(receivers.of(PERSON, BIRTH_DATE)).isEmpty();
    }

    private static ReceiversOfOldValue over(AuditEvent... events) {
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEvent event : events) {
            entries.add(new AuditEntry(entries.size() + 1, "e-" + entries.size(), event, "prev", "hash"));
        }
        PersonAuditEvents audit = new PersonAuditEvents(null) {
            @Override
            public List<AuditEntry> of(String personId) {
                return PERSON.equals(personId) ? entries : List.of();
            }
        };
        return new ReceiversOfOldValue(audit, AGREEMENTS);
    }

    private static AuditEvent registration(String agreement, AuditOutcome outcome, String filtered) {
        return new AuditEvent(Instant.parse("2026-03-02T10:00:00Z"), "esp-hub", AuditAction.CREATE, "jobseeker",
                "REF-1", PERSON, "EMPLOYMENT_ACTIVATION", "Social Assistance Act art. 34", "corr-1",
                "pes-register-jobseeker", agreement, "pes.gov.example", outcome, null, filtered, null, "digest", null);
    }
}
