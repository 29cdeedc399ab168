package org.esphub.hub.batch;

/**
 * A file in an agency's inbox, by its path below the SFTP root: {@code <agency user>/<inbox>/<name>}.
 * The directory is the identity: the SFTP server lets only that agency user write there.
 */
record InboxFile(String agencyUser, String name) {

    static InboxFile of(String path, String inbox) {
        String[] parts = path.replace('\\', '/').split("/");
        if (parts.length != 3 || !parts[1].equals(inbox) || parts[0].isBlank() || parts[2].isBlank()
                || parts[0].startsWith(".")) {
            // the route's include pattern lets nothing else through: this is a misconfiguration
            throw new IllegalArgumentException("batch file '" + path + "' is not in an agency's "
                    + inbox + " directory (<agency user>/" + inbox + "/<name>)");
        }
        return new InboxFile(parts[0], parts[2]);
    }

    /** A path in another directory of the same agency. */
    String sibling(String directory, String fileName) {
        return agencyUser + "/" + directory + "/" + fileName;
    }
}
