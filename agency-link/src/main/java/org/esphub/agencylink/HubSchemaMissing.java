package org.esphub.agencylink;

import java.util.List;

/** The database a link node was pointed at lacks the hub's tables (see {@link HubSchemaRequired}). */
class HubSchemaMissing extends RuntimeException {

    private final String url;
    private final List<String> missing;

    HubSchemaMissing(String url, List<String> missing) {
        super("the hub's schema is missing in " + url + ": " + String.join(", ", missing));
        this.url = url;
        this.missing = List.copyOf(missing);
    }

    String url() {
        return url;
    }

    List<String> missing() {
        return missing;
    }
}
