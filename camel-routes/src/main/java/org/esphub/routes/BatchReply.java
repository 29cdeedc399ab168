package org.esphub.routes;

/**
 * What {@code hub-batch-files} does after a file was taken: writes {@link #getReport()} to
 * {@link #getReportPath()} (the sender's outbox) and moves the file to {@link #getMoveTo()} (its
 * processed or error directory). A class with getters, not a record, because the route reads
 * it with Camel's simple language ({@code ${body.reportPath}}).
 */
public final class BatchReply {

    /** The header the route's consumer reads, once the exchange is done, to move the file there. */
    public static final String MOVE_TO_HEADER = "EspBatchMoveTo";

    private final String report;
    private final String reportPath;
    private final String moveTo;

    public BatchReply(String report, String reportPath, String moveTo) {
        this.report = report;
        this.reportPath = reportPath;
        this.moveTo = moveTo;
    }

    /** The reconciliation report, JSON. */
    public String getReport() {
        return report;
    }

    /** Where the report goes, below the SFTP root. */
    public String getReportPath() {
        return reportPath;
    }

    /** Where the file goes once taken, below the SFTP root. */
    public String getMoveTo() {
        return moveTo;
    }
}
