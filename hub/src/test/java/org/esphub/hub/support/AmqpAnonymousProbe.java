package org.esphub.hub.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Transport;

/**
 * An AMQP 1.0 client that tries to open a connection with SASL ANONYMOUS, speaking the protocol
 * with the proton-j engine the broker itself uses, over a plain socket.
 */
public final class AmqpAnonymousProbe {

    private AmqpAnonymousProbe() {
    }

    /** @return true if the broker opened an AMQP connection for an anonymous client */
    public static boolean opensAnonymously(String host, int port) throws Exception {
        Transport transport = Transport.Factory.create();
        Sasl sasl = transport.sasl();
        sasl.client();
        sasl.setMechanisms("ANONYMOUS");
        Connection connection = Connection.Factory.create();
        connection.setContainer("anonymous-probe");
        connection.setHostname(host);
        transport.bind(connection);
        connection.open();
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[4096];
            for (int round = 0; round < 50; round++) {
                while (transport.pending() > 0) {
                    ByteBuffer head = transport.head();
                    byte[] bytes = new byte[head.remaining()];
                    head.get(bytes);
                    out.write(bytes);
                    transport.pop(bytes.length);
                }
                out.flush();
                if (connection.getRemoteState() == EndpointState.ACTIVE) {
                    return true;
                }
                if (sasl.getOutcome() != Sasl.SaslOutcome.PN_SASL_NONE
                        && sasl.getOutcome() != Sasl.SaslOutcome.PN_SASL_OK) {
                    return false;
                }
                int read;
                try {
                    read = in.read(chunk);
                } catch (java.net.SocketTimeoutException silent) {
                    return false;
                }
                if (read < 0) {
                    return false;
                }
                int offset = 0;
                while (offset < read) {
                    ByteBuffer tail = transport.tail();
                    int length = Math.min(tail.remaining(), read - offset);
                    tail.put(chunk, offset, length);
                    transport.process();
                    offset += length;
                }
            }
            return connection.getRemoteState() == EndpointState.ACTIVE;
        }
    }
}
