package org.esphub.hub.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.esphub.dci.signature.Ed25519Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the hub's key from {@code esp.hub.signing}: the configured private key, or (demo) the key
 * kept in {@code generate-into}, generated there on the first start. The public key is derived
 * from the private one, so the two can never disagree. A key that does not load stops the hub.
 */
final class HubSigningKeyLoader {

    private static final Logger LOG = LoggerFactory.getLogger(HubSigningKeyLoader.class);
    private static final String SPKI_PREFIX_HEX = "302a300506032b6570032100";

    private HubSigningKeyLoader() {
    }

    static HubSigningKey load(HubSigningProperties properties, String senderId) {
        PrivateKey privateKey;
        if (properties.hasPrivateKey()) {
            try {
                privateKey = Ed25519Keys.privateKey(properties.privateKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("esp.hub.signing.private-key is " + e.getMessage());
            }
        } else {
            privateKey = keptOrGenerated(properties.generateInto());
        }
        PublicKey publicKey = publicKeyOf(privateKey);
        String keyId = properties.keyId() == null || properties.keyId().isEmpty() ? derivedKeyId(publicKey)
                : properties.keyId();
        HubSigningKey key = new HubSigningKey(senderId, keyId, privateKey, publicKey);
        LOG.info("The hub signs what it sends with key {} (public key {})", key, key.publicKeyBase64());
        return key;
    }

    /** The key kept at {@code file}, or a new one written there (owner-readable only, where the file system says so). */
    private static PrivateKey keptOrGenerated(Path file) {
        try {
            if (Files.exists(file)) {
                return Ed25519Keys.privateKey(Files.readString(file, StandardCharsets.US_ASCII));
            }
            PrivateKey generated = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair().getPrivate();
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            String pem = "DEMO signing key of this ESP Hub, generated on its first start. Not for production:\n"
                    + "there the key comes from ESP_HUB_SIGNING_PRIVATE_KEY. Delete this file for a new key.\n"
                    + "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(generated.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path temporary = Files.createTempFile(directory, "hub-signing", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            LOG.warn("Generated a DEMO signing key for the hub in {}", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("esp.hub.signing.generate-into: cannot keep the hub's key in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime cannot generate Ed25519 keys", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("esp.hub.signing.generate-into: " + file + " holds no usable key: "
                    + e.getMessage() + "; delete it for a new one");
        }
    }

    /** Ed25519's public key from the private seed (the JDK cannot derive it, BouncyCastle can), checked by a test signature. */
    static PublicKey publicKeyOf(PrivateKey privateKey) {
        try {
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
            byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] spki = HexFormat.of().parseHex(SPKI_PREFIX_HEX + HexFormat.of().formatHex(raw));
            PublicKey publicKey = KeyFactory.getInstance(Ed25519Keys.ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
            byte[] probe = "esp-hub signing key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(probe);
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signer.sign())) {
                throw new IllegalStateException("the derived public key does not verify the hub's own signature");
            }
            return publicKey;
        } catch (GeneralSecurityException | ClassCastException | NoSuchElementException e) {
            throw new IllegalArgumentException("the hub's signing key is not a usable Ed25519 private key: " + e, e);
        }
    }

    /** {@code hub-} and the first 8 bytes (hex) of the SHA-256 of the public key. */
    private static String derivedKeyId(PublicKey publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return "hub-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
