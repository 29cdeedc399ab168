package org.esphub.simulators;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Error body of every simulator endpoint: a stable machine code and a sentence for humans. */
public record ApiError(
        @JsonProperty("error") String error,
        @JsonProperty("message") String message) {
}
