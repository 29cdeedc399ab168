package org.esphub.hub.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of who may call which endpoint: {@code security/authorization-matrix.txt}. Its
 * legend names the columns (identities); each row names an endpoint, the OAuth2 scope of its
 * operation, one expectation per identity and the request that probes it.
 */
record AuthorizationMatrix(List<Identity> identities, List<Row> rows) {

    static final String RESOURCE = "security/authorization-matrix.txt";

    /**
     * One endpoint: {@code method} ({@code ANY} where the handler takes every method), its path
     * as the hub maps it, the scope an agency token needs ({@code null} where none), the
     * expectation per identity, and the probe: a concrete path and an optional body.
     */
    record Row(String method, String path, String scope, Map<Identity, Expectation> expected, String probePath,
            String probeBody, String note, int line) {

        String endpoint() {
            return method + " " + path;
        }

        /** The method the probe is sent with. */
        String probeMethod() {
            return method.equals("ANY") ? "GET" : method;
        }
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuthorizationMatrix parse(String text) {
        List<Identity> identities = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String note = null;
            int comment = line.indexOf('#');
            if (comment >= 0) {
                note = line.substring(comment + 1).strip();
                line = line.substring(0, comment).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("identity ")) {
                String[] words = line.substring("identity ".length()).strip().split("\\s+");
                identities.add(Identity.ofLegend(words[0], Arrays.copyOfRange(words, 1, words.length)));
                continue;
            }
            rows.add(row(line, note, i + 1, identities));
        }
        return new AuthorizationMatrix(List.copyOf(identities), List.copyOf(rows));
    }

    private static Row row(String line, String note, int number, List<Identity> identities) {
        String[] parts = line.split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("line " + number + ": endpoint | cells | probe, not: " + line);
        }
        String[] endpoint = parts[0].strip().split("\\s+");
        String[] cells = parts[1].strip().split("\\s+");
        if (endpoint.length != 3 || cells.length != identities.size()) {
            throw new IllegalArgumentException("line " + number + ": method path scope | " + identities.size()
                    + " cells | probe, not: " + line);
        }
        Map<Identity, Expectation> expected = new LinkedHashMap<>();
        for (int c = 0; c < cells.length; c++) {
            expected.put(identities.get(c), Expectation.ofCell(cells[c]));
        }
        String probe = parts[2].strip();
        int space = probe.indexOf(' ');
        String probePath = space < 0 ? probe : probe.substring(0, space);
        String probeBody = space < 0 ? null : probe.substring(space + 1).strip();
        String scope = endpoint[2].equals("-") ? null : endpoint[2];
        return new Row(endpoint[0], endpoint[1], scope, expected, probePath, probeBody, note, number);
    }
}
