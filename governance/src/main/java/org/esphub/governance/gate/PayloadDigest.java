package org.esphub.governance.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.esphub.governance.audit.AuditChain;

/**
 * SHA-256 of a payload in a canonical JSON form (keys sorted), recorded instead of the payload:
 * whoever holds a copy of what was sent can prove it is what the record describes.
 */
final class PayloadDigest {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PayloadDigest() {
    }

    static String of(Map<String, Object> payload) {
        try {
            return AuditChain.sha256(CANONICAL.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload cannot be serialised as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
