package org.esphub.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the external-task workers running in the hub's JVM present to {@code /engine-rest}: a
 * random secret made at every start and never stored, sent in the {@code Authorization} header
 * under a scheme of its own. It is not a password in Camunda's identity service, so nobody can
 * guess it, lock it or learn it from the database, and no wrong password sent in the workers'
 * name can stop them. It authenticates as {@link #workerId()} in group {@code esp-workers}, which
 * may only work external tasks ({@link TechnicalIdentityBoundary}).
 */
public final class InJvmWorkerCredential {

    /** The {@code Authorization} scheme of the in-JVM workers; no other client uses it. */
    public static final String SCHEME = "EspHubWorker";
    private static final int SECRET_BYTES = 32;

    private final String workerId;
    private final byte[] header;

    private InJvmWorkerCredential(String workerId, String secret) {
        this.workerId = workerId;
        this.header = (SCHEME + " " + secret).getBytes(StandardCharsets.US_ASCII);
    }

    /** A fresh credential for this JVM's lifetime. */
    public static InJvmWorkerCredential generate(String workerId) {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new InJvmWorkerCredential(workerId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The Camunda user id the in-JVM workers act as (user operation log, incidents). */
    public String workerId() {
        return workerId;
    }

    /** The value of the {@code Authorization} header the in-JVM external-task client sends. */
    public String authorizationHeader() {
        return new String(header, StandardCharsets.US_ASCII);
    }

    /** Whether the request carries exactly this credential (compared in constant time). */
    public boolean isPresentedBy(HttpServletRequest request) {
        String presented = request.getHeader("Authorization");
        return presented != null && MessageDigest.isEqual(header, presented.getBytes(StandardCharsets.US_ASCII));
    }
}
