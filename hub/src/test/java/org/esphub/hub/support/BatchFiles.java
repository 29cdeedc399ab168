package org.esphub.hub.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Writes batch files as a sender does (ADR 0050): JSON Lines and the trailer with count and SHA-256. */
public final class BatchFiles {

    private BatchFiles() {
    }

    /** One envelope a line, then the trailer. */
    public static byte[] of(List<String> records) {
        return withTrailer(records, records.size(), null);
    }

    /** The same, with a trailer that declares a checksum the records do not have. */
    public static byte[] withWrongChecksum(List<String> records) {
        return withTrailer(records, records.size(), "0".repeat(64));
    }

    private static byte[] withTrailer(List<String> records, int count, String checksum) {
        StringBuilder lines = new StringBuilder();
        records.forEach(record -> lines.append(record).append('\n'));
        String sha256 = checksum != null ? checksum : sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
        lines.append("{\"trailer\":{\"record_count\":").append(count).append(",\"sha256\":\"").append(sha256)
                .append("\"}}\n");
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
