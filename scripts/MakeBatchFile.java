import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a batch file for the hub's SFTP exchange (ADR 0050) to standard output, with nothing but
 * a JDK: each argument is a file with one DCI envelope (pretty-printed or not), which becomes one
 * line, and the trailer follows with the record count and the SHA-256 of the lines before it.
 *
 *   java scripts/SendReferral.java --print > /tmp/r1.json
 *   java scripts/SendReferral.java --print --person 10000000004 > /tmp/r2.json
 *   java scripts/MakeBatchFile.java /tmp/r1.json /tmp/r2.json /tmp/r1.json > referrals-1.jsonl
 *
 * (the third line repeats the first: the hub reports it as already known)
 */
public class MakeBatchFile {

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        StringBuilder lines = new StringBuilder();
        for (String file : args) {
            // JSON strings hold no raw line breaks: every one is layout, and so is the indentation after it
            lines.append(Files.readString(Path.of(file)).strip().replaceAll("\\r?\\n\\s*", "")).append('\n');
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
        System.out.print(lines);
        System.out.println("{\"trailer\":{\"record_count\":" + args.length + ",\"sha256\":\"" + sha256 + "\"}}");
    }
}
