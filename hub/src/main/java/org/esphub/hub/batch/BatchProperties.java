package org.esphub.hub.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Batch file exchange over SFTP ({@code esp.batch}, ADR 0050): where the hub fetches agencies'
 * files from and how it logs in. {@code hub-batch-files.yaml} reads the same keys as placeholders.
 *
 * @param enabled whether the route polls at all (a hub without batch partners leaves it off)
 * @param host the SFTP server: the embedded one ({@link #server()}) or the agencies' real one
 * @param port its port
 * @param user the hub's SFTP user, which sees every agency's directory
 * @param password its password (or empty, with {@link #privateKeyFile()})
 * @param privateKeyFile the hub's private key for the server, or empty
 * @param knownHostsFile the server's host key, checked when {@link #strictHostKeyChecking()} is {@code yes}
 * @param strictHostKeyChecking {@code yes} against a real server; the demo's server makes a new key per machine
 * @param directories the directory names inside each agency's directory
 * @param pollDelay how long the route waits between two looks into the inboxes
 * @param maxRecords the most records one file may hold; a larger file is rejected whole
 * @param server the embedded SFTP server (demo profile and tests)
 */
@ConfigurationProperties("esp.batch")
public record BatchProperties(boolean enabled, String host, int port, String user, String password,
        @DefaultValue("") String privateKeyFile, @DefaultValue("") String knownHostsFile,
        @DefaultValue("yes") String strictHostKeyChecking, Directories directories,
        @DefaultValue("30s") Duration pollDelay, @DefaultValue("10000") int maxRecords, EmbeddedServer server) {

    /** Inside each agency's directory (named as its SFTP user). */
    public record Directories(@DefaultValue("inbox") String inbox, @DefaultValue("outbox") String outbox,
            @DefaultValue("processed") String processed, @DefaultValue("error") String error) {
    }

    /**
     * The SFTP server the hub runs itself when no real one is configured: the hub's user sees
     * {@code root}, each agency user only its own {@code root/<user>}.
     *
     * @param agencyUsers agency SFTP user to password (demo defaults only); the same names as the broker users
     */
    public record EmbeddedServer(boolean enabled, @DefaultValue("127.0.0.1") String address, int port, Path root,
            Path hostKey, @DefaultValue Map<String, String> agencyUsers) {
    }
}
