package org.esphub.governance.agreements;

import java.util.List;

/**
 * An agreement file the hub cannot enforce. Thrown at start-up, so the hub does not run with a
 * legal layer it misread; the message names the file and every problem found in it.
 */
public class InvalidAgreementFile extends RuntimeException {

    private final String file;
    private final List<String> problems;

    public InvalidAgreementFile(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }
}
