package org.esphub.simulators.sa;

/** Body of {@code POST /sim/sa/training-benefit-requests/{id}/decision}: an SA caseworker's decision. */
public record TrainingBenefitDecision(Boolean approved, String reason) {
}
