package org.esphub.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.esphub.dci.DciReasonCode;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.api.RequestBodyTooLarge;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request body limit on every path, before authentication and before anything reads the
 * body: a declared length over {@code esp.http.max-request-body} is answered 413 at once; a
 * chunked body is counted while it is read and fails with {@link RequestBodyTooLarge} when it
 * passes the limit, which the API error handlers answer 413 as well. The code is
 * {@code err.request.bad}: the standard has no code of its own for size.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper mapper;

    RequestBodyLimit(HttpLimitsProperties properties, ObjectMapper mapper) {
        this.limit = properties.maxRequestBody().toBytes();
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            DciHttpErrors.write(response, mapper, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    DciReasonCode.REQUEST_BAD, RequestBodyTooLarge.message(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
    }

    /** A request whose body stream fails once more than the limit was read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
