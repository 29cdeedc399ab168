package org.esphub.governance;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.governance.*}: where the agreements are, the consent rules, the audit log's batching
 * and retention, and when retention runs.
 */
@ConfigurationProperties("esp.governance")
public record GovernanceProperties(
        @DefaultValue Agreements agreements,
        @DefaultValue Consent consent,
        @DefaultValue Audit audit,
        @DefaultValue Retention retention) {

    /** @param locations resource patterns of agreement files; a country adds its own with {@code file:...} */
    public record Agreements(@DefaultValue("classpath*:agreements/*.yaml") List<String> locations) {
    }

    /**
     * @param ageOfMajority below it, only a guardian's consent counts
     * @param maxBackdating how long before it is recorded a consent may have been given (through the
     *     API or as a referral's DCI consent {@code ts}); older ones are refused, so no caller can
     *     make an exchange look consented after the fact
     */
    public record Consent(@DefaultValue("18") int ageOfMajority, @DefaultValue("P30D") Duration maxBackdating) {
    }

    /**
     * @param batchSize most records one commit takes
     * @param queueCapacity records waiting at most before callers are held back
     * @param durableTimeout how long an exchange waits for its record's commit before it fails
     * @param retention how long records are kept; at least seven years
     * @param chainKey keys the chain head (HMAC-SHA256), at least 32 characters; from the
     *     environment ({@code ESP_AUDIT_CHAIN_KEY}), never from the database; required
     */
    public record Audit(
            @DefaultValue("256") int batchSize,
            @DefaultValue("10000") int queueCapacity,
            @DefaultValue("10s") Duration durableTimeout,
            @DefaultValue("P7Y") Period retention,
            String chainKey) {

        @Override
        public String toString() {
            return "Audit[batchSize=" + batchSize + ", queueCapacity=" + queueCapacity + ", durableTimeout="
                    + durableTimeout + ", retention=" + retention + ", chainKey=(hidden)]";
        }
    }

    /** @param cron when the retention job runs (Spring cron, server time zone) */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 3 * * *") String cron) {
    }
}
