package org.esphub.hub.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code esp.http}: what the hub accepts over HTTP.
 *
 * @param maxRequestBody the largest request body on any path; larger ones are answered 413 before
 *     anything reads them (the headers' limit is Tomcat's {@code server.max-http-request-header-size})
 */
@ConfigurationProperties("esp.http")
public record HttpLimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody) {

    public HttpLimitsProperties {
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("esp.http.max-request-body must be positive: " + maxRequestBody);
        }
    }
}
