package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class InboundQueueErrorsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(InboundQueueErrors.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    @Test
    void a_message_that_came_too_early_is_one_debug_line_without_a_stack_trace() {
        new InboundQueueErrors().handleError(new RuntimeCamelException(new RedeliverLater("no process waits for X yet")));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(line.getFormattedMessage()).contains("no process waits for X yet");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void any_other_failure_is_a_warning_with_its_stack_trace() {
        new InboundQueueErrors().handleError(new RuntimeCamelException(new IllegalStateException("database down")));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("database down");
            assertThat(line.getThrowableProxy()).isNotNull();
        });
    }
}
