package org.esphub.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsConfiguration;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.QueueBrowseStrategy;
import org.apache.camel.support.DefaultProducer;

/**
 * A JMS component for route tests whose queues hand what a route sends to
 * {@code mock:jms:queue:<name>} instead of a broker. Unlike Camel's mock-and-skip, which decorates
 * the endpoint itself, it leaves the endpoint to the route configuration's interceptors, so the
 * data-sharing gate runs exactly as in the hub and the mock records what would reach the broker.
 * A real JMS component underneath keeps the routes' JMS options (jmsMessageType, transacted, ...)
 * valid URI parameters.
 */
final class RecordingJmsComponent extends JmsComponent {

    RecordingJmsComponent(JmsConfiguration configuration) {
        super(configuration);
    }

    @Override
    protected JmsEndpoint createQueueEndpoint(String uri, JmsComponent component, String queue,
            JmsConfiguration configuration, QueueBrowseStrategy browseStrategy) {
        return new RecordingQueue(uri, component, queue, configuration);
    }

    private static final class RecordingQueue extends JmsEndpoint {

        private final String mockUri;

        RecordingQueue(String uri, JmsComponent component, String queue, JmsConfiguration configuration) {
            super(uri, component, queue, false, configuration);
            this.mockUri = "mock:jms:queue:" + queue;
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            // exists from the start, so a test asserting "nothing sent" on a misspelt queue fails
            getCamelContext().getEndpoint(mockUri);
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    ProducerTemplate recorder = getCamelContext().createProducerTemplate();
                    try {
                        recorder.send(mockUri, exchange);
                    } finally {
                        try {
                            recorder.stop();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            };
        }
    }
}
