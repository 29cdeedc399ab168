package org.esphub.hub.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.dci.DciRequestValidator;
import org.esphub.hub.batch.BatchExchanges;
import org.esphub.hub.intake.AgencyEventIntake;
import org.esphub.hub.intake.ReferralIntake;
import org.esphub.hub.messaging.BrokerProperties;
import org.esphub.routes.InboundAgencyEvents;
import org.esphub.routes.InboundBatchFiles;
import org.esphub.routes.InboundReferrals;
import org.esphub.routes.InboundJmsMessage;
import org.esphub.routes.InboundQueueErrors;
import org.esphub.routes.OutboundRoutesConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The beans the inbound queue routes call by name ({@code ref: inboundReferrals}, ...); those of
 * the outbound routes, and the gate's start-up check, are shared with agency-link nodes
 * ({@link OutboundRoutesConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboundRoutesConfiguration.class)
public class RoutingConfiguration {

    /** First step of every inbound queue route: text only, size-limited, with its authenticated broker user. */
    @Bean
    InboundJmsMessage inboundJmsMessage(BrokerProperties broker) {
        return new InboundJmsMessage(broker.maxMessageSize().toBytes());
    }

    /** The intake behind sa-referrals-inbound (the API uses the same intake directly). */
    @Bean(InboundReferrals.BEAN)
    InboundReferrals inboundReferrals(ReferralIntake intake) {
        return intake::acceptFromQueue;
    }

    /** The intake behind the agency event routes. */
    @Bean(InboundAgencyEvents.BEAN)
    InboundAgencyEvents inboundAgencyEvents(AgencyEventIntake intake) {
        return intake::accept;
    }

    /** The batch exchange behind hub-batch-files: each record into the same intakes as above. */
    @Bean(InboundBatchFiles.BEAN)
    InboundBatchFiles inboundBatchFiles(BatchExchanges exchanges) {
        return exchanges::take;
    }

    /** How the inbound queue routes log a rolled-back message: too early at DEBUG, anything else at WARN. */
    @Bean(InboundQueueErrors.BEAN)
    InboundQueueErrors inboundQueueErrors() {
        return new InboundQueueErrors();
    }

    @Bean
    DciRequestValidator dciRequestValidator(ObjectMapper objectMapper,
            @Value("${esp.referrals.max-items-per-message}") int maxItems) {
        return new DciRequestValidator(objectMapper, maxItems);
    }
}
