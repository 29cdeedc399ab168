package org.esphub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.esphub.governance.audit.AuditUnavailable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/** 503 "please retry" only where retrying can succeed; a value the database refuses is 400; a fault 500. */
class UnexpectedFailuresTest {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailuresTest.class);

    private static int status(Exception e) {
        return UnexpectedFailures.answer(e, LOG, "test").getStatusCode().value();
    }

    @Test
    void only_passing_failures_are_503() {
        assertThat(status(new AuditUnavailable("audit queue full", null))).isEqualTo(503);
        assertThat(status(new CannotCreateTransactionException("no connection"))).isEqualTo(503);
        assertThat(status(new IllegalStateException("wrapped", new CannotAcquireLockException("lock")))).isEqualTo(503);
        assertThat(status(new DuplicateKeyException("a concurrent request won"))).isEqualTo(503);
    }

    @Test
    void a_value_the_database_refuses_is_400_and_a_fault_of_the_hub_500_both_in_the_standard_format() {
        ResponseEntity<Map<String, Object>> refused = UnexpectedFailures.answer(
                new DataIntegrityViolationException("value too long for type character varying(99)"), LOG, "test");
        ResponseEntity<Map<String, Object>> fault = UnexpectedFailures.answer(new NullPointerException(), LOG, "test");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo("err.request.bad");
        assertThat(fault.getStatusCode().value()).isEqualTo(500);
        assertThat(code(fault)).isEqualTo("err.service.unavailable");
        assertThat(fault.getBody().toString()).doesNotContain("NullPointerException");
    }

    @SuppressWarnings("unchecked")
    private static String code(ResponseEntity<Map<String, Object>> answer) {
        return ((List<Map<String, Object>>) answer.getBody().get("errors")).get(0).get("code").toString();
    }
}
