package org.esphub.hub.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esp.link-worker}: the Camunda user that agency-link nodes log in to {@code /engine-rest}
 * as (HTTP basic), made a member of {@code esp-workers} at start. Production:
 * {@code ESP_LINK_USER} / {@code ESP_LINK_PASSWORD}; no user where {@code user} is blank.
 *
 * @param user the user id, e.g. {@code esp-link}
 * @param password its password, required with a user
 */
@ConfigurationProperties("esp.link-worker")
public record LinkWorkerProperties(String user, String password) {

    public LinkWorkerProperties {
        if (user != null && !user.isBlank() && (password == null || password.isBlank())) {
            throw new IllegalArgumentException("esp.link-worker.password (ESP_LINK_PASSWORD) is required with"
                    + " esp.link-worker.user (ESP_LINK_USER) " + user);
        }
    }

    public boolean configured() {
        return user != null && !user.isBlank();
    }

    @Override
    public String toString() {
        return "LinkWorkerProperties[user=" + user + ", password=(hidden)]";
    }
}
