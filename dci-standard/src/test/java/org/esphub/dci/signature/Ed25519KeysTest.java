package org.esphub.dci.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    @Test
    void a_public_key_is_read_from_x509_der_pem_or_the_raw_32_bytes() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] der = pair.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);

        byte[] message = "(created): 1\n(expires): 2\ndigest: SHA-256=x".getBytes();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();

        for (String form : new String[] {BASE64.encodeToString(der), pem, BASE64.encodeToString(raw)}) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(Ed25519Keys.publicKey(form));
            verifier.update(message);
            assertThat(verifier.verify(signature)).as(form).isTrue();
        }
    }

    @Test
    void a_private_key_is_read_from_pkcs8_pem_with_commentary_or_the_raw_seed() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        String pem = "DEMO KEY: never use it elsewhere\n-----BEGIN PRIVATE KEY-----\n" + BASE64.encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);

        assertThat(Ed25519Keys.privateKey(pem).getEncoded()).isEqualTo(pkcs8);
        assertThat(Ed25519Keys.privateKey(BASE64.encodeToString(seed)).getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void text_that_is_no_ed25519_key_is_refused_with_the_reason() throws Exception {
        byte[] rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();

        assertThatThrownBy(() -> Ed25519Keys.publicKey("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> Ed25519Keys.publicKey(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Ed25519Keys.publicKey(BASE64.encodeToString(rsa)))
                .hasMessageContaining("not an Ed25519 public key");
        assertThatThrownBy(() -> Ed25519Keys.publicKey(BASE64.encodeToString(new byte[31])))
                .hasMessageContaining("got 31 bytes");
    }
}
