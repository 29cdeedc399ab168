package org.esphub.governance.agreements;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad agreement file into Spring Boot's start-up report: the file, each problem, what to do. */
class InvalidAgreementFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAgreementFile> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidAgreementFile cause) {
        return new FailureAnalysis(
                "The data-sharing agreement " + cause.file() + " cannot be enforced:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Correct " + cause.file() + " (its format is described in agreements/README.md) and start the hub again."
                        + " The hub does not start with an agreement it cannot read, because every exchange"
                        + " depends on it.",
                cause);
    }
}
