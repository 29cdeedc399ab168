package org.esphub.hub.security;

/**
 * A column of the authorization matrix: who calls. Nobody; a demo user with HTTP basic (every
 * caseworker group, auditor, process owner, admin, the workers' technical user); or an agency
 * system with a client-credentials token that has the operation's scope, or all its scopes but
 * that one.
 */
record Identity(String column, Kind kind, String name) {

    enum Kind { ANONYMOUS, USER, CLIENT_WITH_SCOPE, CLIENT_WITHOUT_SCOPE }

    /** From a legend line of the matrix: {@code anonymous}, {@code user <id>}, {@code client <id> with-scope|without-scope}. */
    static Identity ofLegend(String column, String[] words) {
        return switch (words[0]) {
            case "anonymous" -> new Identity(column, Kind.ANONYMOUS, null);
            case "user" -> new Identity(column, Kind.USER, words[1]);
            case "client" -> new Identity(column, switch (words[2]) {
                case "with-scope" -> Kind.CLIENT_WITH_SCOPE;
                case "without-scope" -> Kind.CLIENT_WITHOUT_SCOPE;
                default -> throw new IllegalArgumentException("with-scope or without-scope, not " + words[2]);
            }, words[1]);
            default -> throw new IllegalArgumentException("unknown identity kind " + words[0]);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANONYMOUS -> "anonymous";
            case USER -> name;
            case CLIENT_WITH_SCOPE -> name + " (with the scope)";
            case CLIENT_WITHOUT_SCOPE -> name + " (without the scope)";
        };
    }
}
