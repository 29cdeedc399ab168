import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a DCI create-referral envelope to the hub's queue over STOMP, with nothing but a JDK:
 *
 *   java scripts/SendReferral.java                       # samples/referral.json, fresh ids, person 10000000001
 *   java scripts/SendReferral.java --person 10000000002  # same, for another person
 *   java scripts/SendReferral.java --file samples/referral-without-consent.json   # refused: no consent
 *   java scripts/SendReferral.java --file samples/malformed-referral.json --as-is
 *   java scripts/SendReferral.java --print > /tmp/referral.json  # fresh ids, printed instead of sent
 *                                                               # (to sign it: scripts/SignEnvelope.java)
 *
 * Without --as-is the message_id, transaction_id, reference_id and timestamps (the consent's
 * "ts" too) are made fresh, because the hub deliberately ignores a message or referral item it
 * has seen before, and a consent older than its agreement's validity no longer counts.
 * Options: --host (127.0.0.1) --port (61616) --queue (esp.referrals.in) --user (sa-system)
 * --password (demo): the demo broker user of SA; the hub refuses a message whose sender_id the
 * user may not use, and the broker admits no anonymous client.
 */
public class SendReferral {

    public static void main(String[] args) throws IOException {
        String file = "samples/referral.json";
        String person = null;
        String host = "127.0.0.1";
        int port = 61616;
        String queue = "esp.referrals.in";
        String user = "sa-system";
        String password = "demo";
        boolean asIs = false;
        boolean print = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = args[++i];
                case "--person" -> person = args[++i];
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--queue" -> queue = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--as-is" -> asIs = true;
                case "--print" -> print = true;
                default -> {
                    System.err.println("unknown option " + args[i] + " (see the comment at the top of this file)");
                    System.exit(2);
                }
            }
        }
        String body = Files.readString(Path.of(file));
        String referenceId = null;
        if (!asIs) {
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String unique = UUID.randomUUID().toString().substring(0, 8);
            if (person != null) {
                body = replaceField(body, "person_id", person);
            }
            String personId = firstValue(body, "person_id");
            referenceId = "REF-" + personId + "-" + unique;
            body = replaceField(body, "message_id", "MSG-" + unique);
            body = replaceField(body, "transaction_id", "TXN-" + unique);
            body = replaceField(body, "reference_id", referenceId);
            body = replaceField(body, "message_ts", now);
            body = replaceField(body, "timestamp", now);
            body = replaceField(body, "ts", now);
        }
        if (print) {
            System.out.print(body);
            System.err.println(referenceId == null ? "" : "reference_id (business key): " + referenceId);
            return;
        }
        String correlationId = UUID.randomUUID().toString();
        send(host, port, queue, user, password, body, correlationId);
        System.out.println("sent to " + queue + " on " + host + ":" + port
                + (referenceId == null ? "" : "\n  reference_id (business key): " + referenceId)
                + "\n  correlation id: " + correlationId);
    }

    private static String replaceField(String json, String field, String value) {
        Matcher m = Pattern.compile("(\"" + field + "\"\\s*:\\s*)\"[^\"]*\"").matcher(json);
        return m.replaceFirst(Matcher.quoteReplacement(m.find() ? m.group(1) + "\"" + value + "\"" : ""));
    }

    private static String firstValue(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "unknown";
    }

    /** STOMP 1.2: CONNECT, SEND with a receipt, wait for the RECEIPT, DISCONNECT. */
    private static void send(String host, int port, String queue, String user, String password, String body,
            String correlationId) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder connect = new StringBuilder("CONNECT\naccept-version:1.2\nhost:" + host + "\n");
            if (user != null) {
                connect.append("login:").append(user).append("\npasscode:").append(password).append('\n');
            }
            write(out, connect.append('\n').toString(), new byte[0]);
            expect(in, "CONNECTED");
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            // no content-length: Artemis turns a STOMP frame with one into a BytesMessage, and the hub
            // reads text messages only (JSON holds no NUL, so the frame's NUL ends the body)
            write(out, "SEND\ndestination:" + queue + "\ndestination-type:ANYCAST\ncontent-type:application/json\n"
                    + "correlation-id:" + correlationId + "\nreceipt:1\n\n", payload);
            expect(in, "RECEIPT");
            write(out, "DISCONNECT\n\n", new byte[0]);
        }
    }

    private static void write(OutputStream out, String headers, byte[] body) throws IOException {
        out.write(headers.getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.write(0);
        out.flush();
    }

    private static void expect(InputStream in, String command) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != 0) {
            if (b == -1) {
                throw new IOException("connection closed while waiting for " + command);
            }
            frame.write(b);
        }
        String text = frame.toString(StandardCharsets.UTF_8).stripLeading();
        if (!text.startsWith(command)) {
            throw new IOException("expected " + command + " from the broker but got: " + text);
        }
    }
}
