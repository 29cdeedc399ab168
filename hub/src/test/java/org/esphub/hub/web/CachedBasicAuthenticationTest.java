package org.esphub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CachedBasicAuthenticationTest {

    private final CachedBasicAuthentication provider = new CachedBasicAuthentication();
    private final ProcessEngine engine = mock(ProcessEngine.class);
    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

    @BeforeEach
    void engineWithOneUser() {
        Group workers = mock(Group.class);
        when(workers.getId()).thenReturn("esp-workers");
        when(engine.getName()).thenReturn("default");
        when(engine.getIdentityService()).thenReturn(identity);
        when(identity.checkPassword("esp-worker", "demo")).thenReturn(true);
        when(identity.createGroupQuery().groupMember("esp-worker").list()).thenReturn(List.of(workers));
        when(identity.createTenantQuery().userMember("esp-worker").includingGroupsOfUser(true).list())
                .thenReturn(List.of());
    }

    @Test
    void a_successful_login_is_remembered_with_its_groups_so_the_next_call_costs_no_query() {
        AuthenticationResult first = provider.extractAuthenticatedUser(basic("esp-worker", "demo"), engine);
        AuthenticationResult second = provider.extractAuthenticatedUser(basic("esp-worker", "demo"), engine);

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getAuthenticatedUser()).isEqualTo("esp-worker");
        assertThat(second.getGroups()).containsExactly("esp-workers");
        assertThat(second.getTenants()).isEmpty();
        verify(identity, times(1)).checkPassword("esp-worker", "demo");
    }

    @Test
    void a_wrong_password_is_checked_every_time_so_login_throttling_still_applies() {
        AuthenticationResult first = provider.extractAuthenticatedUser(basic("esp-worker", "guess"), engine);
        AuthenticationResult second = provider.extractAuthenticatedUser(basic("esp-worker", "guess"), engine);

        assertThat(first.isAuthenticated()).isFalse();
        assertThat(second.isAuthenticated()).isFalse();
        verify(identity, times(2)).checkPassword("esp-worker", "guess");
    }

    @Test
    void remembering_one_password_does_not_let_another_in() {
        provider.extractAuthenticatedUser(basic("esp-worker", "demo"), engine);

        assertThat(provider.extractAuthenticatedUser(basic("esp-worker", "demo2"), engine).isAuthenticated()).isFalse();
    }

    @Test
    void a_request_without_basic_credentials_is_not_authenticated() {
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), engine).isAuthenticated()).isFalse();
    }

    private static MockHttpServletRequest basic(String user, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
