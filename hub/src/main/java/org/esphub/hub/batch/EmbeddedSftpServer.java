package org.esphub.hub.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The SFTP server the hub runs itself where agencies have none (demo profile, tests): SFTP only,
 * no shell. Each agency user is shut in its own directory {@code <root>/<user>} (with
 * {@code inbox/}, where it drops files, and {@code outbox/}, where it finds the reports); the
 * hub's own user sees the root, i.e. every agency's directory. The host key is made once and
 * kept outside the root, so no user can read it.
 *
 * <p>Started while the application context is built, before Camel starts its routes: a port of
 * 0 takes a free one, which is then published as {@code esp.batch.port} for the route.
 */
public final class EmbeddedSftpServer implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);
    /** The property source that carries the port the server took. */
    static final String PROPERTY_SOURCE = "espEmbeddedSftpServer";

    private final SshServer server;

    EmbeddedSftpServer(BatchProperties properties, ConfigurableEnvironment environment) {
        BatchProperties.EmbeddedServer settings = properties.server();
        Path root = settings.root().toAbsolutePath().normalize();
        VirtualFileSystemFactory homes = new VirtualFileSystemFactory(root);
        settings.agencyUsers().keySet().forEach(user -> homes.setUserHomeDir(user, agencyHome(root, user, properties)));
        server = SshServer.setUpDefaultServer();
        server.setHost(settings.address());
        server.setPort(settings.port());
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey(settings.hostKey())));
        server.setPasswordAuthenticator((user, password, session) ->
                matches(passwordOf(user, properties), password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(homes);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded SFTP server cannot listen on " + settings.address() + ":"
                    + settings.port(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                Map.of("esp.batch.port", server.getPort())));
        LOG.info("embedded SFTP server on {}:{} (root {}, agency users {})", settings.address(), server.getPort(), root,
                settings.agencyUsers().keySet());
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void destroy() throws IOException {
        server.stop(true);
    }

    private static String passwordOf(String user, BatchProperties properties) {
        return user.equals(properties.user()) ? properties.password() : properties.server().agencyUsers().get(user);
    }

    private static boolean matches(String expected, String given) {
        return expected != null && !expected.isEmpty() && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Path agencyHome(Path root, String user, BatchProperties properties) {
        Path home = root.resolve(user);
        BatchProperties.Directories directories = properties.directories();
        try {
            for (String directory : List.of(directories.inbox(), directories.outbox(), directories.processed(),
                    directories.error())) {
                Files.createDirectories(home.resolve(directory));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the SFTP directories of " + user + " under " + home, e);
        }
        return home;
    }

    private static Path hostKey(Path hostKey) {
        try {
            Files.createDirectories(hostKey.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the directory of the SFTP host key " + hostKey, e);
        }
        return hostKey;
    }
}
