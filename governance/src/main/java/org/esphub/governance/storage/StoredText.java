package org.esphub.governance.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the databases do with text, in one place. Lengths are counted in UTF-16 code units
 * ({@link String#length()}): H2 counts a VARCHAR's length that way and PostgreSQL counts
 * characters, which are never more, so a value within the limit fits both. PostgreSQL refuses
 * the character U+0000 and both keep a lone surrogate as '?', which would no longer match the
 * audit hash computed from the Java string; such characters are never stored.
 */
public final class StoredText {

    /** What replaces a character no column may hold in text the hub writes itself (audit records). */
    static final char REPLACEMENT = '\uFFFD';
    /** Marks a value cut to fit its column; the digest of the whole value follows it. */
    static final String CUT = "...#";
    private static final int DIGEST_CHARS = 16;

    private StoredText() {
    }

    /** Whether the character may be stored: no lone surrogate, no control character but tab and line breaks. */
    static boolean storable(String text, int index, boolean lineBreaksAllowed) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
        }
        if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
            return true;
        }
        return !Character.isISOControl(c);
    }

    /**
     * Text the hub writes itself (audit records, reasons) made to fit its column instead of being
     * refused: unstorable characters replaced, and a value longer than the column cut, ending in
     * {@code ...#} and the first 16 hex digits of the SHA-256 of the whole value, so two long
     * values that share a prefix stay distinct and the same long value always gives the same text
     * (a search by it finds its records). The result is never longer than {@code maxLength}.
     */
    public static String fit(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            clean.append(storable(text, i, true) ? text.charAt(i) : REPLACEMENT);
        }
        if (clean.length() <= maxLength) {
            return clean.toString();
        }
        String digest = sha256Hex(clean.toString()).substring(0, DIGEST_CHARS);
        int keep = Math.max(0, maxLength - CUT.length() - DIGEST_CHARS);
        if (keep > 0 && Character.isHighSurrogate(clean.charAt(keep - 1))) {
            keep--; // never split a surrogate pair
        }
        return (clean.substring(0, keep) + CUT + digest).substring(0, Math.min(maxLength,
                keep + CUT.length() + DIGEST_CHARS));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
