package org.esphub.routes;

/**
 * Where {@code hub-batch-files} hands a batch file it fetched from an agency's SFTP inbox. The
 * route owns this contract and the hub implements it (its batch exchange, which feeds every
 * record into the same intake as the queues), so the route names a method of its own module.
 */
public interface InboundBatchFiles {

    /** The bean name the route refers to ({@code ref: inboundBatchFiles}). */
    String BEAN = "inboundBatchFiles";

    /**
     * Takes a whole file and answers with its reconciliation report. A file whose content is
     * wrong (unreadable, bad checksum, records refused) is answered, never thrown: only a
     * technical fault throws, and then the file stays in the inbox and is taken again on the next poll.
     *
     * @param path the file's path below the SFTP root, {@code <agency user>/<inbox>/<name>}
     * @param content the file's bytes as fetched
     */
    BatchReply take(String path, byte[] content);
}
