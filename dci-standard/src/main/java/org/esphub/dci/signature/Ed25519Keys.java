package org.esphub.dci.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads Ed25519 keys in the forms agencies hand them over, using the JDK's own Ed25519.
 *
 * <p>Public keys: base64 of the X.509 SubjectPublicKeyInfo DER (44 bytes, what Java's
 * {@code getEncoded()} and {@code openssl pkey -pubout -outform DER} give), the same as PEM
 * ({@code -----BEGIN PUBLIC KEY-----}), or base64 of the raw 32-byte key (what libsodium,
 * tweetnacl and Beckn registries publish). Private keys: base64 or PEM of PKCS#8 DER, or base64
 * of the raw 32-byte seed, or of a 64-byte NaCl secret key (seed followed by public key).
 */
public final class Ed25519Keys {

    public static final String ALGORITHM = "Ed25519";
    public static final int RAW_KEY_LENGTH = 32;

    // DER prefixes of an Ed25519 key (OID 1.3.101.112) in front of the raw 32 bytes (RFC 8410)
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519Keys() {
    }

    /**
     * @throws IllegalArgumentException saying why {@code text} is not an Ed25519 public key
     */
    public static PublicKey publicKey(String text) {
        byte[] bytes = decode(text, "public key");
        byte[] der = bytes.length == RAW_KEY_LENGTH ? concat(SPKI_PREFIX, bytes) : bytes;
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (expected base64 or PEM of an X.509 "
                    + "SubjectPublicKeyInfo, or base64 of the raw 32 bytes; got " + bytes.length + " bytes)");
        }
    }

    /**
     * @throws IllegalArgumentException saying why {@code text} is not an Ed25519 private key
     */
    public static PrivateKey privateKey(String text) {
        byte[] bytes = decode(text, "private key");
        byte[] der = switch (bytes.length) {
            case RAW_KEY_LENGTH -> concat(PKCS8_PREFIX, bytes);
            case 2 * RAW_KEY_LENGTH -> concat(PKCS8_PREFIX, Arrays.copyOf(bytes, RAW_KEY_LENGTH));
            default -> bytes;
        };
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (expected base64 or PEM of PKCS#8, "
                    + "or base64 of the raw 32-byte seed; got " + bytes.length + " bytes)");
        }
    }

    private static byte[] decode(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        // PEM: keep what lies between the BEGIN and END lines; text around them is commentary
        String body = text.replaceAll("(?s)^.*?-----BEGIN [A-Z ]+-----", "")
                .replaceAll("(?s)-----END [A-Z ]+-----.*$", "")
                .replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64: " + e.getMessage());
        }
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM);
    }

    private static byte[] concat(byte[] prefix, byte[] key) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, out, prefix.length, key.length);
        return out;
    }
}
