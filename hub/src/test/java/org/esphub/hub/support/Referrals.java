package org.esphub.hub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds create-referral envelopes from the shipped sample, with fresh ids for each test and the
 * person's DCI consent (purpose EMPLOYMENT_ACTIVATION) given a minute before the message.
 */
public final class Referrals {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLE = Path.of("../samples/referral.json");

    private Referrals() {
    }

    /** A one-item referral for {@code personId}, with unique message, transaction and reference ids. */
    public static Referral forPerson(String personId) {
        try {
            ObjectNode envelope = (ObjectNode) MAPPER.readTree(Files.readString(SAMPLE));
            String unique = UUID.randomUUID().toString();
            String now = Instant.now().toString();
            // the person id in the reference helps reading logs; an odd one (a test of person ids) stays out
            String referenceId = "REF-" + (personId.matches("[A-Za-z0-9]{1,64}") ? personId + "-" : "") + unique;
            ObjectNode header = (ObjectNode) envelope.get("header");
            header.put("message_id", "MSG-" + unique).put("message_ts", now);
            ObjectNode message = (ObjectNode) envelope.get("message");
            message.put("transaction_id", "TXN-" + unique.substring(0, 8));
            ObjectNode item = (ObjectNode) message.get("referral_request").get(0);
            item.put("reference_id", referenceId).put("person_id", personId).put("timestamp", now);
            ((ObjectNode) item.get("consent")).put("ts", Instant.now().minusSeconds(60).toString());
            return new Referral(envelope, referenceId, "MSG-" + unique);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An envelope and the ids a test asserts on. */
    public record Referral(ObjectNode envelope, String referenceId, String messageId) {

        public String json() {
            return envelope.toString();
        }

        /** The same referral without the DCI consent: the agreement's consent requirement is then unmet. */
        public Referral withoutConsent() {
            ObjectNode copy = envelope.deepCopy();
            ((ObjectNode) copy.get("message").get("referral_request").get(0)).remove("consent");
            return new Referral(copy, referenceId, messageId);
        }

        /** The same envelope with another message_id and the same item: a resend of the referral. */
        public Referral resentAsNewMessage() {
            ObjectNode copy = envelope.deepCopy();
            String messageId = "MSG-" + UUID.randomUUID();
            ((ObjectNode) copy.get("header")).put("message_id", messageId);
            return new Referral(copy, referenceId, messageId);
        }
    }
}
