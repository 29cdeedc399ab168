package org.esphub.hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.esphub.hub.support.BatchFiles;
import org.junit.jupiter.api.Test;

/** The batch file format of ADR 0050: JSON Lines with a trailer that counts and checksums the records. */
class BatchFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RECORDS = List.of("{\"header\":{\"message_id\":\"m-1\"}}", "not even json");

    @Test
    void the_records_are_the_lines_before_a_matching_trailer_whatever_they_hold() {
        BatchFile file = BatchFile.read(BatchFiles.of(RECORDS), JSON, 10);

        assertThat(file.records()).containsExactlyElementsOf(RECORDS);
    }

    @Test
    void the_shipped_sample_is_a_batch_file_of_two_referrals() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../samples/batch-referrals.jsonl"));

        assertThat(BatchFile.read(sample, JSON, 10).records()).hasSize(2)
                .allSatisfy(record -> assertThat(JSON.readTree(record).path("header").path("action").asText())
                        .isEqualTo("create-referral"));
    }

    @Test
    void windows_line_ends_are_read_as_line_ends() {
        String text = new String(BatchFiles.of(RECORDS), StandardCharsets.UTF_8);
        String records = RECORDS.get(0) + "\r\n" + RECORDS.get(1) + "\r\n";
        String trailer = "{\"trailer\":{\"record_count\":2,\"sha256\":\""
                + BatchFile.sha256(records.getBytes(StandardCharsets.UTF_8)) + "\"}}";

        assertThat(text).endsWith("\n");
        assertThat(BatchFile.read((records + trailer).getBytes(StandardCharsets.UTF_8), JSON, 10).records())
                .containsExactlyElementsOf(RECORDS);
    }

    @Test
    void a_checksum_that_does_not_match_refuses_the_whole_file() {
        assertThatThrownBy(() -> BatchFile.read(BatchFiles.withWrongChecksum(RECORDS), JSON, 10))
                .isInstanceOf(BatchFile.Refused.class).hasMessageContaining("SHA-256");
    }

    @Test
    void a_record_count_that_does_not_match_refuses_the_whole_file() {
        String records = RECORDS.get(0) + "\n";
        String trailer = "{\"trailer\":{\"record_count\":2,\"sha256\":\""
                + BatchFile.sha256(records.getBytes(StandardCharsets.UTF_8)) + "\"}}\n";

        assertThatThrownBy(() -> BatchFile.read((records + trailer).getBytes(StandardCharsets.UTF_8), JSON, 10))
                .isInstanceOf(BatchFile.Refused.class).hasMessageContaining("declares 2 records, the file holds 1");
    }

    @Test
    void more_records_than_a_file_may_hold_refuse_the_whole_file() {
        assertThatThrownBy(() -> BatchFile.read(BatchFiles.of(RECORDS), JSON, 1))
                .isInstanceOf(BatchFile.Refused.class).hasMessageContaining("esp.batch.max-records");
    }

    @Test
    void a_file_cut_short_has_no_trailer_and_is_unreadable() {
        byte[] whole = BatchFiles.of(RECORDS);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);

        assertThatThrownBy(() -> BatchFile.read(cut, JSON, 10))
                .isInstanceOf(BatchFile.Unreadable.class).hasMessageContaining("trailer");
        assertThatThrownBy(() -> BatchFile.read(new byte[0], JSON, 10)).isInstanceOf(BatchFile.Unreadable.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_unreadable() {
        assertThatThrownBy(() -> BatchFile.read(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}, JSON, 10))
                .isInstanceOf(BatchFile.Unreadable.class).hasMessageContaining("UTF-8");
    }
}
