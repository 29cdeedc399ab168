package org.esphub.governance.consent;

import java.util.List;

/** A consent the registry will not record; nothing was written. */
public class InvalidConsent extends RuntimeException {

    private final List<String> problems;

    public InvalidConsent(List<String> problems) {
        super("the consent cannot be recorded: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
