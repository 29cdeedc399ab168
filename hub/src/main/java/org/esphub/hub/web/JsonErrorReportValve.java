package org.esphub.hub.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.esphub.dci.DciReasonCode;

/**
 * Tomcat's last word on an error nothing else answered, such as a request whose headers are
 * larger than {@code server.max-http-request-header-size} (it never reaches Spring): the
 * standard's {@code HttpErrorResponse} instead of Tomcat's HTML page, with no server details.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String body = "{\"errors\":[{\"code\":\"" + codeOf(status).code() + "\",\"message\":\""
                + messageOf(status) + "\"}]}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was committed meanwhile: nothing left to tell
        }
    }

    static DciReasonCode codeOf(int status) {
        return switch (status) {
            case 401 -> DciReasonCode.REQUEST_UNAUTHORIZED;
            case 403 -> DciReasonCode.REQUEST_FORBIDDEN;
            case 404 -> DciReasonCode.REQUEST_NOT_FOUND;
            case 503 -> DciReasonCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? DciReasonCode.SERVICE_UNAVAILABLE : DciReasonCode.REQUEST_BAD;
        };
    }

    private static String messageOf(int status) {
        return switch (status) {
            case 400 -> "the request could not be read (malformed, or its headers are larger than the hub accepts);"
                    + " nothing was stored";
            case 413 -> "the request is larger than the hub accepts; nothing was stored";
            case 414 -> "the request URI is longer than the hub accepts; nothing was stored";
            default -> status >= 500 ? "the hub could not process the request" : "the request was refused";
        };
    }
}
