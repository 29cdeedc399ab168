package org.esphub.hub.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.esphub.hub.batch.BatchExchange.Status;
import org.esphub.hub.batch.RecordOutcome.Outcome;
import org.esphub.routes.BatchReply;
import org.esphub.routes.InboundBatchFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Takes a batch file an agency dropped into its SFTP inbox (ADR 0050) and answers with its
 * reconciliation report. The file is checked whole first (format, record count, SHA-256): a file
 * that fails is refused whole and ends in the agency's error directory, nothing in it taken. Then
 * each record goes through the hub's one intake on its own ({@link BatchRecordIntake}), so one bad
 * record refuses only itself. The same file delivered again (same agency, name and SHA-256) takes
 * nothing: its report repeats the first one's, with what was accepted then now already known. The
 * same records in another file are recognised by the intake itself (message_id, reference_id).
 */
@Service
@EnableConfigurationProperties(BatchProperties.class)
public class BatchExchanges {

    private static final Logger LOG = LoggerFactory.getLogger(BatchExchanges.class);

    private final BatchRecordIntake intake;
    private final BatchExchangeStore store;
    private final BatchProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;

    BatchExchanges(BatchRecordIntake intake, BatchExchangeStore store, BatchProperties properties,
            ObjectMapper mapper, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.properties = properties;
        // a report is read by people at the agency too
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /** Behind the route's {@link InboundBatchFiles#take}: the file's path below the SFTP root and its bytes. */
    public BatchReply take(String path, byte[] content) {
        InboxFile file = InboxFile.of(path, properties.directories().inbox());
        String sha256 = BatchFile.sha256(content);
        String exchangeId = UUID.randomUUID().toString();
        Instant receivedAt = clock.instant();
        BatchExchange exchange = exchange(file, content, sha256, exchangeId, receivedAt);
        store.add(exchange);
        LOG.info("batch file {} from {}: {} ({} received, {} accepted, {} rejected, {} already known){}",
                file.name(), file.agencyUser(), exchange.status(), exchange.received(), exchange.accepted(),
                exchange.rejected(), exchange.alreadyKnown(), exchange.reason() == null ? "" : ": " + exchange.reason());
        BatchProperties.Directories directories = properties.directories();
        boolean taken = exchange.status() == Status.PROCESSED || exchange.status() == Status.REPEATED;
        return new BatchReply(json(exchange), file.sibling(directories.outbox(), file.name() + ".report.json"),
                file.sibling(taken ? directories.processed() : directories.error(), exchangeId + "-" + file.name()));
    }

    private BatchExchange exchange(InboxFile file, byte[] content, String sha256, String exchangeId,
            Instant receivedAt) {
        BatchFile batch;
        try {
            batch = BatchFile.read(content, mapper, properties.maxRecords());
        } catch (BatchFile.Unreadable unreadable) {
            return BatchExchange.refused(exchangeId, file.agencyUser(), file.name(), sha256, receivedAt,
                    Status.UNREADABLE, unreadable.getMessage());
        } catch (BatchFile.Refused refused) {
            return BatchExchange.refused(exchangeId, file.agencyUser(), file.name(), sha256, receivedAt,
                    Status.REJECTED, refused.getMessage());
        }
        Optional<BatchExchange> before = store.firstProcessed(file.agencyUser(), file.name(), sha256);
        if (before.isPresent()) {
            return BatchExchange.processed(exchangeId, file.agencyUser(), file.name(), sha256, receivedAt,
                    Status.REPEATED, before.get().exchangeId(), asKnownNow(before.get().records()));
        }
        List<RecordOutcome> outcomes = new ArrayList<>();
        List<String> records = batch.records();
        for (int i = 0; i < records.size(); i++) {
            outcomes.add(intake.take(i + 1, records.get(i), file.agencyUser()));
        }
        return BatchExchange.processed(exchangeId, file.agencyUser(), file.name(), sha256, receivedAt,
                Status.PROCESSED, null, outcomes);
    }

    /** What the first delivery took is known now; what it refused is refused again, for the same reason. */
    private static List<RecordOutcome> asKnownNow(List<RecordOutcome> first) {
        return first.stream().map(record -> record.outcome() == Outcome.ACCEPTED
                ? new RecordOutcome(record.line(), record.messageId(), record.referenceIds(), Outcome.ALREADY_KNOWN,
                        null, null)
                : record).toList();
    }

    private String json(BatchExchange exchange) {
        try {
            return mapper.writeValueAsString(exchange);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch exchange always serialises", e);
        }
    }
}
