package org.esphub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TechnicalIdentityBoundaryTest {

    @Test
    void the_calls_of_the_external_task_client_pass() {
        assertThat(allowed("POST", "/external-task/fetchAndLock")).isTrue();
        for (String call : new String[] {"lock", "complete", "failure", "bpmnError", "extendLock", "unlock"}) {
            assertThat(allowed("POST", "/external-task/4f7c1a2e-0b1d-11ef-9c1e-0242ac120002/" + call)).as(call).isTrue();
        }
        assertThat(allowed("POST", "/engine/default/external-task/fetchAndLock")).isTrue();
    }

    @Test
    void reading_or_writing_variables_or_anything_else_does_not() {
        assertThat(allowed("GET", "/external-task/fetchAndLock")).isFalse();
        assertThat(allowed("GET", "/external-task")).isFalse();
        assertThat(allowed("GET", "/process-instance/1/variables")).isFalse();
        assertThat(allowed("POST", "/process-instance/1/variables")).isFalse();
        assertThat(allowed("POST", "/external-task/1/variables")).isFalse();
        assertThat(allowed("POST", "/deployment/create")).isFalse();
    }

    @Test
    void a_path_sent_differently_from_how_it_was_mapped_does_not() {
        MockHttpServletRequest request = request("POST", "/external-task/1/complete");
        request.setRequestURI("/engine-rest/external-task/1/complete;/../../process-instance/1/variables");

        assertThat(TechnicalIdentityBoundary.isExternalTaskCall(request)).isFalse();
    }

    private static boolean allowed(String method, String pathInfo) {
        return TechnicalIdentityBoundary.isExternalTaskCall(request(method, pathInfo));
    }

    private static MockHttpServletRequest request(String method, String pathInfo) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/engine-rest" + pathInfo);
        request.setServletPath("/engine-rest");
        request.setPathInfo(pathInfo);
        return request;
    }
}
