package org.esphub.simulators;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 answer of the "emit an event" endpoints: which message went onto which queue. */
public record AcceptedMessage(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("queue") String queue) {
}
