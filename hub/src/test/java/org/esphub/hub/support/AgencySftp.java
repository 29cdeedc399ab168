package org.esphub.hub.support;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * An agency's side of the batch exchange: logs in to the hub's SFTP server as the agency's own
 * user (shut in its own directory) and uploads a file the way a sender should, under a name the
 * hub does not take and renamed once whole; reads what the hub wrote back to its outbox.
 */
public final class AgencySftp {

    private final int port;
    private final String user;
    private final String password;

    public AgencySftp(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Uploads {@code content} as {@code inbox/<name>}. */
    public void drop(String name, byte[] content) {
        withSftp(sftp -> {
            sftp.put(new ByteArrayInputStream(content), "inbox/" + name + ".part");
            sftp.rename("inbox/" + name + ".part", "inbox/" + name);
            return null;
        });
    }

    /** The file at {@code path} of the agency's directory, if it is there. */
    public Optional<String> read(String path) {
        return withSftp(sftp -> {
            try {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                sftp.get(path, content);
                return Optional.of(content.toString(java.nio.charset.StandardCharsets.UTF_8));
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** The names in a directory of the agency's directory. */
    public List<String> list(String directory) {
        return withSftp(sftp -> sftp.ls(directory).stream().map(ChannelSftp.LsEntry::getFilename)
                .filter(name -> !name.startsWith(".")).toList());
    }

    /** Removes a file of the agency's directory (a report read before). */
    public void remove(String path) {
        withSftp(sftp -> {
            sftp.rm(path);
            return null;
        });
    }

    private interface SftpWork<T> {
        T on(ChannelSftp sftp) throws SftpException;
    }

    private <T> T withSftp(SftpWork<T> work) {
        Session session = null;
        try {
            session = new JSch().getSession(user, "127.0.0.1", port);
            session.setPassword(password);
            Properties config = new Properties();
            // the test server's key is made for the test run
            config.put("StrictHostKeyChecking", "no");
            session.setConfig(config);
            session.connect(10_000);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            try {
                return work.on(sftp);
            } finally {
                sftp.disconnect();
            }
        } catch (JSchException | SftpException e) {
            throw new IllegalStateException("SFTP as " + user + " failed: " + e.getMessage(), e);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }
}
