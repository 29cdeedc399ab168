package org.esphub.governance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain: each record's hash is SHA-256 over the previous record's hash, a newline and
 * the record's canonical form, a JSON array of its fields in a fixed order. Changing any field
 * of any record, removing one or reordering them changes every hash after it.
 */
public final class AuditChain {

    /** The hash before the first record ever written. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(String previousHash, long sequence, String eventId, AuditEvent event) {
        return sha256(previousHash + "\n" + canonical(sequence, eventId, event));
    }

    /**
     * Form 1: the fields every record has. Form 2 (a record naming the one partner of a group that received
     * the data) adds the partner at the end; records without a partner keep form 1, so every record written
     * before the partner existed still verifies.
     */
    static String canonical(long sequence, String eventId, AuditEvent e) {
        Object[] fields = {e.partner() == null ? 1 : 2, sequence, eventId, e.occurredAt().toString(), e.actorId(),
            e.action().name(), e.resourceType(), e.resourceId(), e.personId(), e.purpose(), e.legalBasis(),
            e.correlationId(), e.exchange(), e.agreement(), e.receiver(), e.outcome().name(), e.reason(),
            e.filtersApplied(), e.consentId(), e.payloadDigest()};
        List<Object> form = new ArrayList<>(Arrays.asList(fields));
        if (e.partner() != null) {
            form.add(e.partner());
        }
        try {
            return JSON.writeValueAsString(form);
        } catch (JsonProcessingException e1) {
            throw new IllegalStateException("an audit record of strings cannot fail to serialise", e1);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
