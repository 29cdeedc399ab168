package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Route {@code hub-batch-files}: a file fetched from an agency's SFTP inbox goes whole to the
 * batch exchange, its report is written where the exchange says (the agency's outbox), and the
 * file is then moved where the exchange says. A technical fault writes nothing and moves nothing:
 * the file stays in the inbox for the next poll. The SFTP consumer is replaced by
 * {@code direct:hub-batch-files} and the SFTP producer by a mock; the hub's end-to-end test runs
 * both against a real SFTP server.
 */
class BatchFilesRouteTest extends CamelTestSupport {

    private static final String ROUTE = "hub-batch-files";
    private static final String PATH = "sa-system/inbox/referrals-1.jsonl";
    private static final byte[] CONTENT = "{\"a\":1}\n{\"trailer\":{}}\n".getBytes(StandardCharsets.UTF_8);

    private final List<Object[]> taken = new ArrayList<>();
    private RuntimeException fault;
    private String consumerUri;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        Properties properties = new Properties();
        properties.put("esp.batch.enabled", "true");
        properties.put("esp.batch.host", "127.0.0.1");
        properties.put("esp.batch.port", "2222");
        properties.put("esp.batch.user", "esp-hub");
        properties.put("esp.batch.password", "a+b&c");
        properties.put("esp.batch.private-key-file", "");
        properties.put("esp.batch.known-hosts-file", "");
        properties.put("esp.batch.strict-host-key-checking", "no");
        properties.put("esp.batch.directories.inbox", "inbox");
        properties.put("esp.batch.poll-delay", "1000");
        camel.getPropertiesComponent().setInitialProperties(properties);
        return camel;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        InboundBatchFiles batchFiles = (path, content) -> {
            if (fault != null) {
                throw fault;
            }
            taken.add(new Object[] {path, content});
            return new BatchReply("{\"status\":\"PROCESSED\"}", "sa-system/outbox/referrals-1.jsonl.report.json",
                    "sa-system/processed/x-referrals-1.jsonl");
        };
        registry.bind(InboundBatchFiles.BEAN, batchFiles);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(
                ResourceHelper.resolveMandatoryResource(context, "classpath:camel-routes/hub-batch-files.yaml")))
                .toArray(RoutesBuilder[]::new);
    }

    @BeforeEach
    void replaceSftpAndStart() throws Exception {
        consumerUri = context.getRouteDefinition(ROUTE).getInput().getEndpointUri();
        AdviceWith.adviceWith(context, ROUTE, advice -> {
            advice.replaceFromWith("direct:" + ROUTE);
            advice.weaveByToUri("sftp:*").replace().to("mock:outbox");
        });
        context.start();
    }

    @Test
    void the_inboxes_are_polled_for_json_lines_files_and_each_is_moved_where_the_exchange_says() {
        assertThat(context.resolvePropertyPlaceholders(consumerUri)).startsWith("sftp://127.0.0.1:2222?")
                .contains("antInclude=*/inbox/*.jsonl", "recursive=true", "readLock=changed",
                        "move=${header." + BatchReply.MOVE_TO_HEADER + "}", "useUserKnownHostsFile=false");
    }

    @Test
    void a_file_goes_whole_to_the_batch_exchange_and_its_report_to_the_agencys_outbox() throws Exception {
        MockEndpoint outbox = getMockEndpoint("mock:outbox");
        outbox.expectedBodiesReceived("{\"status\":\"PROCESSED\"}");
        outbox.expectedHeaderReceived(Exchange.FILE_NAME, "sa-system/outbox/referrals-1.jsonl.report.json");

        Exchange done = template.send("direct:" + ROUTE, exchange -> {
            exchange.getIn().setBody(CONTENT);
            exchange.getIn().setHeader(Exchange.FILE_NAME, PATH);
        });

        outbox.assertIsSatisfied();
        assertThat(done.getException()).isNull();
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0)[0]).isEqualTo(PATH);
        assertThat((byte[]) taken.get(0)[1]).isEqualTo(CONTENT);
        // the consumer moves the file there once the exchange is done
        assertThat(done.getMessage().getHeader(BatchReply.MOVE_TO_HEADER))
                .isEqualTo("sa-system/processed/x-referrals-1.jsonl");
    }

    @Test
    void a_technical_fault_writes_no_report_and_fails_the_exchange_so_the_file_stays_for_the_next_poll()
            throws Exception {
        fault = new IllegalStateException("database unavailable");
        MockEndpoint outbox = getMockEndpoint("mock:outbox");
        outbox.expectedMessageCount(0);

        Exchange done = template.send("direct:" + ROUTE, exchange -> {
            exchange.getIn().setBody(CONTENT);
            exchange.getIn().setHeader(Exchange.FILE_NAME, PATH);
        });

        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");
        assertThat(done.getMessage().getHeader(BatchReply.MOVE_TO_HEADER)).isNull();
        outbox.assertIsSatisfied();
    }
}
