package org.esphub.hub.governance;

import java.util.List;

/** A governance API request the hub cannot take as it is; answered 400 listing every problem. */
class BadGovernanceRequest extends RuntimeException {

    private final List<String> problems;

    BadGovernanceRequest(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
