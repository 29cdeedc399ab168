package org.esphub.hub.security;

import static org.esphub.hub.security.CamundaIdentityAuthentication.group;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.esphub.dci.DciReasonCode;
import org.camunda.bpm.engine.IdentityService;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.identity.AgencyRole;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what over HTTP.
 *
 * <ol>
 *   <li>The OAuth2 issuer (token at {@code /oauth2/client/token}, keys at
 *       {@code /.well-known/jwks.json}): agency systems authenticate with client credentials.</li>
 *   <li>The DCI Employment-SP API under {@code /dci/**}: a bearer token with the scope of the
 *       operation; anything else is 401 or 403 in the standard's error format.</li>
 *   <li>The hub's own API under {@code /api/**} (agreements, consents, audit, dead letters):
 *       people with their Tasklist identities over HTTP basic, agency systems with a bearer
 *       token; each operation names the groups or scopes that may call it. The audit API is for
 *       the group {@code auditors} only; consents are for the agencies' caseworkers and systems, and
 *       auditors may read them. The oversight KPIs ({@code /api/kpis}) are for auditors, process owners and
 *       the group {@code oversight}. Errors in the same JSON format. The external-task workers'
 *       technical identity has no business here (403).</li>
 *   <li>Operations: actuator endpoints and the OpenAPI document with Swagger UI need an operator
 *       login (groups {@code operators} or {@code camunda-admin}), in every profile; only
 *       {@code /actuator/health} and its probes are open, for load balancers and orchestrators.</li>
 *   <li>Everything else is left to the component that owns it: the engine REST API checks HTTP
 *       basic against Camunda's identities ({@code EngineRestSecurityConfiguration}), the Camunda
 *       webapps have their own login, CSRF protection and security headers.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiTokenProperties.class)
public class ApiSecurityConfiguration {

    public static final String API_BASE = "/dci/employment/v1.0.0";
    /** Camunda's administrators group (made by {@code camunda.bpm.admin-user}). */
    static final String CAMUNDA_ADMIN = "camunda-admin";
    /** What only operators may see; health and its probes stay open. */
    private static final String[] OPERATIONS = {"/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
        "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    ApiTokens apiTokens(ApiTokenProperties properties) {
        return new ApiTokens(properties);
    }

    /**
     * The hub's own token issuer (the demo profile). Where agencies get tokens from an external
     * issuer such as Keycloak, it is off and the API trusts that issuer's keys instead
     * ({@code spring.security.oauth2.resourceserver.jwt.*}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "esp.api.issuer.enabled", havingValue = "true")
    static class TokenIssuer {

        @Bean
        @Order(1)
        SecurityFilterChain tokenIssuer(HttpSecurity http, ObjectMapper mapper) throws Exception {
            OAuth2AuthorizationServerConfigurer issuer = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(issuer.getEndpointsMatcher())
                    .with(issuer, Customizer.withDefaults())
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized(mapper)));
            return http.build();
        }
    }

    @Bean
    @Order(2)
    SecurityFilterChain employmentApi(HttpSecurity http, ObjectMapper mapper, ApiTokens tokens, JwtDecoder keys)
            throws Exception {
        http.securityMatcher("/dci/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(POST, API_BASE + "/referrals").hasAuthority(scope(Scopes.REFERRAL_CREATE))
                        .requestMatchers(GET, API_BASE + "/referrals").hasAuthority(scope(Scopes.REFERRAL_READ))
                        .requestMatchers(GET, API_BASE + "/status/*").hasAuthority(scope(Scopes.EMPLOYMENT_READ))
                        .requestMatchers(POST, API_BASE + "/status/verifications")
                        .hasAuthority(scope(Scopes.EMPLOYMENT_READ))
                        .requestMatchers(POST, API_BASE + "/training-benefits").hasAuthority(scope(Scopes.BENEFIT_MANAGE))
                        .requestMatchers(POST, API_BASE + "/job-placements").hasAuthority(scope(Scopes.PLACEMENT_CREATE))
                        .requestMatchers(PUT, API_BASE + "/job-placements/*").hasAuthority(scope(Scopes.PLACEMENT_UPDATE))
                        .requestMatchers(POST, API_BASE + "/compliance/monitor")
                        .hasAuthority(scope(Scopes.COMPLIANCE_MONITOR))
                        .requestMatchers(GET, API_BASE + "/compliance-monitoring")
                        .hasAuthority(scope(Scopes.COMPLIANCE_READ))
                        .requestMatchers(GET, API_BASE + "/employment-benefits").hasAuthority(scope(Scopes.BENEFIT_READ))
                        .requestMatchers(GET, API_BASE + "/job-placements").hasAuthority(scope(Scopes.PLACEMENT_READ))
                        .requestMatchers(POST, API_BASE + "/notifications").hasAuthority(scope(Scopes.NOTIFICATION_SEND))
                        .requestMatchers(POST, API_BASE + "/sa-access-requests")
                        .hasAuthority(scope(Scopes.SA_ACCESS_REQUEST))
                        .requestMatchers(POST, API_BASE + "/return-to-work-referrals")
                        .hasAuthority(scope(Scopes.RETURN_TO_WORK_REFER))
                        .requestMatchers(POST, API_BASE + "/subsidy-applications")
                        .hasAuthority(scope(Scopes.SUBSIDY_APPLY))
                        .requestMatchers(POST, API_BASE + "/youth-referrals").hasAuthority(scope(Scopes.YOUTH_REFER))
                        .requestMatchers(POST, API_BASE + "/subject-access-requests").hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .requestMatchers(GET, API_BASE + "/subject-access-requests/*", API_BASE + "/subject-access-requests/*/export")
                        .hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .requestMatchers(POST, API_BASE + "/restrictions", API_BASE + "/restrictions/*/lift")
                        .hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .requestMatchers(GET, API_BASE + "/restrictions/*").hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .requestMatchers(POST, API_BASE + "/rectifications").hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .requestMatchers(GET, API_BASE + "/rectifications/*").hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .requestMatchers(POST, API_BASE + "/webhooks/subscription").hasAuthority(scope(Scopes.WEBHOOK_MANAGE))
                        .requestMatchers(GET, API_BASE + "/webhooks/subscription").hasAuthority(scope(Scopes.WEBHOOK_MANAGE))
                        .requestMatchers(PUT, API_BASE + "/webhooks/subscription/*").hasAuthority(scope(Scopes.WEBHOOK_MANAGE))
                        .requestMatchers(DELETE, API_BASE + "/webhooks/subscription/*")
                        .hasAuthority(scope(Scopes.WEBHOOK_MANAGE))
                        .requestMatchers(GET, API_BASE + "/persons/*/data-tracker")
                        .hasAuthority(scope(Scopes.PERSON_RIGHTS))
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(trusted(tokens, keys))
                        .authenticationEntryPoint(unauthorized(mapper))
                        .accessDeniedHandler(forbidden(mapper)));
        return statelessJson(http, unauthorized(mapper), forbidden(mapper));
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatorApi(HttpSecurity http, ObjectMapper mapper, IdentityService identityService,
            ApiTokens tokens, JwtDecoder keys) throws Exception {
        String admin = group(CAMUNDA_ADMIN);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/audit", "/api/audit/**").hasAuthority(group(AgencyRole.AUDITORS.groupId()))
                        // auditors read every consent; agencies (their caseworkers and systems) see and change
                        // only consents under their agreements (ConsentController); administrators act for no agency
                        .requestMatchers(GET, "/api/consents").hasAnyAuthority(
                                group(AgencyRole.SA_CASEWORKERS.groupId()), group(AgencyRole.PES_CASEWORKERS.groupId()),
                                group(AgencyRole.AUDITORS.groupId()), scope(Scopes.CONSENT_MANAGE))
                        .requestMatchers("/api/consents", "/api/consents/**").hasAnyAuthority(
                                group(AgencyRole.SA_CASEWORKERS.groupId()), group(AgencyRole.PES_CASEWORKERS.groupId()),
                                scope(Scopes.CONSENT_MANAGE))
                        // the printable data tracker a caseworker hands the person (SA, PES)
                        .requestMatchers(GET, "/api/persons/*/data-tracker", "/api/persons/*/data-tracker.pdf")
                        .hasAnyAuthority(group(AgencyRole.SA_CASEWORKERS.groupId()),
                                group(AgencyRole.PES_CASEWORKERS.groupId()))
                        // oversight KPIs: aggregates for those who oversee the programme, no agency's systems
                        .requestMatchers(GET, "/api/kpis", "/api/kpis.csv").hasAnyAuthority(
                                group(AgencyRole.AUDITORS.groupId()), group(AgencyRole.PROCESS_OWNERS.groupId()),
                                group(AgencyRole.OVERSIGHT.groupId()))
                        .requestMatchers("/api/dead-letters", "/api/dead-letters/**").hasAnyAuthority(
                                group(AgencyRole.PROCESS_OWNERS.groupId()), group(AgencyRole.OPERATORS.groupId()), admin)
                        // batch reports name referrals and reasons: those who answer for the exchanges (ADR 0050)
                        .requestMatchers("/api/batch-exchanges", "/api/batch-exchanges/**").hasAnyAuthority(
                                group(AgencyRole.PROCESS_OWNERS.groupId()), group(AgencyRole.OPERATORS.groupId()),
                                group(AgencyRole.AUDITORS.groupId()), admin)
                        // the integrated case view: SA and PES caseworkers and supervisors (CaseViewController)
                        .requestMatchers("/api/cases", "/api/cases/**").hasAnyAuthority(
                                group(AgencyRole.SA_CASEWORKERS.groupId()), group(AgencyRole.SA_SUPERVISORS.groupId()),
                                group(AgencyRole.PES_CASEWORKERS.groupId()), group(AgencyRole.PES_SUPERVISORS.groupId()))
                        .anyRequest().access(notTechnical(AuthenticatedAuthorizationManager.authenticated())))
                .authenticationProvider(new CamundaIdentityAuthentication(identityService))
                // the case view page calls /api/cases with the caseworker's Tasklist session
                .addFilterBefore(new CaseViewSession(identityService), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorizedPerson(mapper)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(trusted(tokens, keys))
                        .authenticationEntryPoint(unauthorizedPerson(mapper))
                        .accessDeniedHandler(forbiddenOperation(mapper)));
        return statelessJson(http, unauthorizedPerson(mapper), forbiddenOperation(mapper));
    }

    /**
     * Metrics, environment details and the API description tell an attacker what runs here; only
     * operators see them. Health stays open: probes carry no credentials. The same in every
     * profile, so the demo behaves as production does ({@code admin} is an operator there).
     */
    @Bean
    @Order(4)
    SecurityFilterChain operations(HttpSecurity http, ObjectMapper mapper, IdentityService identityService)
            throws Exception {
        http.securityMatcher(OPERATIONS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority(group(AgencyRole.OPERATORS.groupId()), group(CAMUNDA_ADMIN)))
                .authenticationProvider(new CamundaIdentityAuthentication(identityService))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorizedOperator(mapper)));
        return statelessJson(http, unauthorizedOperator(mapper), forbiddenOperation(mapper));
    }

    /**
     * What every API chain shares: refusals in the standard's error format, no session, no saved
     * request to replay after a login, and no CSRF token (no cookie authenticates these calls).
     */
    private static SecurityFilterChain statelessJson(HttpSecurity http, AuthenticationEntryPoint unauthorized,
            AccessDeniedHandler forbidden) throws Exception {
        return http.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the Camunda webapps bring their own CSRF filter and security headers; the REST
                // APIs are stateless and authenticate every call
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /** Bearer tokens: signed by a trusted key, and from the right issuer, for this hub, naming a client. */
    private static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>.JwtConfigurer> trusted(ApiTokens tokens,
            JwtDecoder keys) {
        return jwt -> jwt.decoder(tokens.decoder(keys)).jwtAuthenticationConverter(tokens.converter());
    }

    /** The rule, for anyone but the external-task workers' technical identity. */
    private static AuthorizationManager<RequestAuthorizationContext> notTechnical(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        return AuthorizationManagers.allOf(
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(group(AgencyRole.WORKERS.groupId()))),
                rule);
    }

    private static String scope(String scope) {
        return "SCOPE_" + scope;
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper mapper) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            DciHttpErrors.write(response, mapper, HttpServletResponse.SC_UNAUTHORIZED,
                    DciReasonCode.REQUEST_UNAUTHORIZED, "a valid bearer token is required: " + failure.getMessage());
        };
    }

    /** People log in with HTTP basic, agency systems bring a bearer token: both are offered. */
    private static AuthenticationEntryPoint unauthorizedPerson(ObjectMapper mapper) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"esp-hub\", Bearer");
            DciHttpErrors.write(response, mapper, HttpServletResponse.SC_UNAUTHORIZED,
                    DciReasonCode.REQUEST_UNAUTHORIZED, "log in with your hub user (HTTP basic) or an agency bearer"
                            + " token: " + failure.getMessage());
        };
    }

    private static AuthenticationEntryPoint unauthorizedOperator(ObjectMapper mapper) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"esp-hub operations\"");
            DciHttpErrors.write(response, mapper, HttpServletResponse.SC_UNAUTHORIZED,
                    DciReasonCode.REQUEST_UNAUTHORIZED, "log in as an operator (HTTP basic): " + failure.getMessage());
        };
    }

    private static AccessDeniedHandler forbiddenOperation(ObjectMapper mapper) {
        return (request, response, denied) -> DciHttpErrors.write(response, mapper,
                HttpServletResponse.SC_FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN,
                "your groups or scopes do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    private static AccessDeniedHandler forbidden(ObjectMapper mapper) {
        return (request, response, denied) -> DciHttpErrors.write(response, mapper,
                HttpServletResponse.SC_FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN,
                "the token's scopes do not allow " + request.getMethod() + " " + request.getRequestURI());
    }
}
