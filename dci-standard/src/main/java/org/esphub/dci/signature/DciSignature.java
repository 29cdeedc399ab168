package org.esphub.dci.signature;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * The envelope's {@code signature} string (DCI {@code MsgSignature}), in the HTTP-signature style
 * the standard shows:
 *
 * <pre>
 * Signature: namespace="spdci", kidId="{sender_id}|{unique_key_id}|ed25519", algorithm="ed25519",
 *     created="1606970629", expires="1607030629", headers="(created) (expires) digest",
 *     signature="&lt;base64 Ed25519 signature of the signing string&gt;"
 * </pre>
 *
 * <p>The {@code Signature:} prefix and line breaks are optional; {@code keyId} (Beckn's name) is
 * read as {@code kidId}; {@code created} and {@code expires} may be quoted or bare. Parameters the
 * hub does not use ({@code namespace}) are ignored. Only the header list
 * {@code (created) (expires) digest} is accepted: a signature that did not cover the digest
 * would not protect the message at all.
 *
 * @param senderId first part of kidId: who signed
 * @param keyId second part of kidId: which of the sender's registered keys
 * @param created Unix seconds
 * @param expires Unix seconds
 * @param signature the 64 signature bytes
 */
public record DciSignature(String senderId, String keyId, long created, long expires, byte[] signature) {

    public static final String ALGORITHM = "ed25519";
    public static final List<String> HEADERS = List.of("(created)", "(expires)", "digest");
    private static final int SIGNATURE_LENGTH = 64;

    private static final Pattern PREFIX = Pattern.compile("^\\s*Signature(?:\\s*:\\s*|\\s+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(?:\"([^\"]*)\"|([0-9]+))\\s*(,|$)");
    private static final List<String> REQUIRED = List.of("kidId", "algorithm", "created", "expires", "headers",
            "signature");

    public DciSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The kidId value: {@code sender_id|key_id|ed25519}. */
    public String kidId() {
        return senderId + "|" + keyId + "|" + ALGORITHM;
    }

    /**
     * Reads a signature string.
     *
     * @throws DciRejection {@code err.signature.invalid} naming what is malformed
     */
    public static DciSignature parse(String text) {
        Map<String, String> parameters = parameters(text);
        for (String name : REQUIRED) {
            if (!parameters.containsKey(name)) {
                throw malformed("it has no " + name + " parameter");
            }
        }
        if (!ALGORITHM.equalsIgnoreCase(parameters.get("algorithm"))) {
            throw malformed("algorithm is '" + parameters.get("algorithm") + "'; only " + ALGORITHM + " is accepted");
        }
        List<String> headers = List.of(parameters.get("headers").trim().split("\\s+"));
        if (!HEADERS.equals(headers)) {
            throw malformed("headers is '" + parameters.get("headers") + "'; it must be '"
                    + String.join(" ", HEADERS) + "'");
        }
        String[] kid = parameters.get("kidId").split("\\|", -1);
        if (kid.length != 3 || kid[0].isBlank() || kid[1].isBlank()) {
            throw malformed("kidId '" + parameters.get("kidId") + "' is not {sender_id}|{key_id}|{algorithm}");
        }
        if (!ALGORITHM.equalsIgnoreCase(kid[2])) {
            throw malformed("kidId names algorithm '" + kid[2] + "'; only " + ALGORITHM + " is accepted");
        }
        return new DciSignature(kid[0], kid[1], seconds(parameters, "created"), seconds(parameters, "expires"),
                signatureBytes(parameters.get("signature")));
    }

    /** The string to put in the envelope's {@code signature} field. */
    public String format() {
        return "Signature: namespace=\"spdci\", kidId=\"" + kidId() + "\", algorithm=\"" + ALGORITHM
                + "\", created=\"" + created + "\", expires=\"" + expires + "\", headers=\""
                + String.join(" ", HEADERS) + "\", signature=\"" + Base64.getEncoder().encodeToString(signature)
                + "\"";
    }

    private static Map<String, String> parameters(String text) {
        Matcher prefix = PREFIX.matcher(text);
        int position = prefix.lookingAt() ? prefix.end() : 0;
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(text);
        while (position < text.length()) {
            parameter.region(position, text.length());
            if (!parameter.lookingAt()) {
                throw malformed("expected name=\"value\" at character " + position);
            }
            String name = "keyId".equals(parameter.group(1)) ? "kidId" : parameter.group(1);
            String value = parameter.group(2) != null ? parameter.group(2) : parameter.group(3);
            if (parameters.put(name, value) != null) {
                throw malformed("parameter " + name + " is given twice");
            }
            position = parameter.end();
            if (parameter.group(4).isEmpty()) {
                break;
            }
        }
        if (position < text.length() || parameters.isEmpty()) {
            throw malformed("expected name=\"value\" pairs separated by commas");
        }
        return parameters;
    }

    private static long seconds(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (!value.matches("[0-9]{1,12}")) {
            throw malformed(name + " is '" + value + "'; it must be Unix time in seconds");
        }
        return Long.parseLong(value);
    }

    private static byte[] signatureBytes(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("its signature parameter is not base64");
        }
        if (bytes.length != SIGNATURE_LENGTH) {
            throw malformed("its signature parameter holds " + bytes.length + " bytes; an Ed25519 signature has "
                    + SIGNATURE_LENGTH);
        }
        return bytes;
    }

    private static DciRejection malformed(String problem) {
        return new DciRejection(DciReasonCode.SIGNATURE_INVALID, "signature is malformed: " + problem);
    }
}
