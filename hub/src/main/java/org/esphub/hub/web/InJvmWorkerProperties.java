package org.esphub.hub.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.workers.username}: the Camunda user id the in-JVM workers act as. It needs no
 * password and no user in the identity service (see {@link InJvmWorkerCredential}).
 */
@ConfigurationProperties("esp.workers")
public record InJvmWorkerProperties(@DefaultValue("esp-worker") String username) {
}
