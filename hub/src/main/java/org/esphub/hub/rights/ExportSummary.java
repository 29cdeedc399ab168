package org.esphub.hub.rights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/** What an export holds, one line per section, for the data-protection officer's review form. */
final class ExportSummary {

    static final List<String> SECTIONS = List.of("referrals", "processes", "decisions", "consents", "exchanges");

    private ExportSummary() {
    }

    static String of(JsonNode export) {
        return SECTIONS.stream().map(section -> section + ": " + export.path(section).size())
                .collect(Collectors.joining("\n"));
    }
}
