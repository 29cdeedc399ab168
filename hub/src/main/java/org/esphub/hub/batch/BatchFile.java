package org.esphub.hub.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The batch file format (ADR 0050): UTF-8 JSON Lines, one DCI envelope per line (exactly what
 * would be sent on the queue), and a last line that is the trailer
 * {@code {"trailer":{"record_count":N,"sha256":"<hex>"}}}: the number of record lines and the
 * SHA-256 of every byte before the trailer line. The trailer makes a file self-checking: a
 * file cut short in transfer has none, a changed one no longer matches it.
 */
public final class BatchFile {

    static final String TRAILER = "trailer";
    static final String RECORD_COUNT = "record_count";
    static final String SHA256 = "sha256";

    private final List<String> records;

    private BatchFile(List<String> records) {
        this.records = records;
    }

    /** The record lines in file order (line n is {@code records().get(n - 1)}). */
    public List<String> records() {
        return records;
    }

    /**
     * @throws Unreadable when it is not a batch file at all (not UTF-8, no trailer)
     * @throws Refused when the trailer does not match the records (checksum, count, too many)
     */
    static BatchFile read(byte[] content, ObjectMapper mapper, int maxRecords) {
        String text = utf8(content);
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        int trailerStart = text.lastIndexOf('\n', end - 1) + 1;
        JsonNode trailer = trailerOf(text.substring(trailerStart, end), mapper);
        String before = text.substring(0, trailerStart);
        List<String> records = new ArrayList<>();
        for (String line : before.split("\n", -1)) {
            records.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        // split leaves one empty string after the last newline
        records.remove(records.size() - 1);
        long declared = trailer.get(RECORD_COUNT).asLong();
        if (declared != records.size()) {
            throw new Refused("the trailer declares " + declared + " records, the file holds " + records.size());
        }
        if (records.size() > maxRecords) {
            throw new Refused("the file holds " + records.size() + " records, more than the " + maxRecords
                    + " a file may hold (esp.batch.max-records); send it in parts");
        }
        String actual = sha256(before.getBytes(StandardCharsets.UTF_8));
        String expected = trailer.get(SHA256).asText();
        if (!actual.equalsIgnoreCase(expected)) {
            throw new Refused("the SHA-256 of the records is " + actual + ", the trailer says " + expected
                    + "; the file was changed or cut in transfer");
        }
        return new BatchFile(List.copyOf(records));
    }

    /** Hex SHA-256 of the bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("the file is not UTF-8 text");
        }
    }

    private static JsonNode trailerOf(String line, ObjectMapper mapper) {
        JsonNode trailer;
        try {
            trailer = mapper.readTree(line).path(TRAILER);
        } catch (Exception e) {
            trailer = null;
        }
        if (trailer == null || !trailer.path(RECORD_COUNT).canConvertToLong() || !trailer.path(RECORD_COUNT).isIntegralNumber()
                || !trailer.path(SHA256).isTextual()) {
            throw new Unreadable("the last line is not the trailer {\"trailer\":{\"record_count\":N,\"sha256\":\"...\"}}"
                    + " (a file cut short in transfer has none)");
        }
        return trailer;
    }

    /** Not a batch file at all: it ends in the error directory, nothing in it is taken. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A batch file whose trailer does not match: rejected whole, nothing in it is taken. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
