package org.esphub.agencylink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.esphub.routes.OutboundRoutesConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * An agency-link node: the external-task workers, the outbound Camel routes and the data-sharing
 * gate with its audit log, as a process of its own next to the hubs (README "Agency-link nodes",
 * ADR 0030). It fetches tasks from a hub's {@code /engine-rest} as a member of {@code esp-workers},
 * calls the agencies through the gate and writes the audit records into the hub's database. It
 * runs no engine, no inbound queue route, no API and no migration; any number run side by side.
 */
// The excluded auto-configurations are not on the node's own classpath; they are named so that
// a link node started on a wider one (the hub's end-to-end tests) still never starts an engine,
// its REST API or webapps, nor migrates the hub's schema.
@SpringBootApplication(excludeName = {
    "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
    "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
@Import(OutboundRoutesConfiguration.class)
public class AgencyLinkApplication {

    /** Where {@code ESP_WORKER_ID} is not set, the worker id is this host's name. */
    static final String HOST_NAME_PROPERTY = "esp.link.host-name";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The node as {@link #main} starts it. Its settings are in {@code agency-link.yaml}, not
     * {@code application.yaml}, so that a classpath holding a hub's settings too (the hub's
     * end-to-end tests start nodes in their JVM) cannot hand the node the hub's.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AgencyLinkApplication.class)
                .properties(Map.of("spring.config.name", "agency-link", HOST_NAME_PROPERTY, hostName()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // only the default worker id depends on it; ESP_WORKER_ID names the node explicitly
            return "agency-link";
        }
    }
}
