package org.esphub.hub.kpi;

import java.time.Instant;

/** One month or week of the report: {@code from} inclusive, {@code to} exclusive. */
public record Period(String label, Instant from, Instant to) {
}
