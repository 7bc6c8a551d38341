package jp.keieikaizen.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what over HTTP.
 * <ul>
 * <li>{@code /api/**}: HTTP Basic against the engine's users (the same accounts as Tasklist; the engine's hashing and
 * {@link LoginThrottle} after repeated failed logins), stateless, so no cookie and no CSRF token; what a caller may see and do
 * is decided per case by {@link CaseAccess}. Unauthenticated: 401 problem+json.</li>
 * <li>{@code /engine-rest/**}: HTTP Basic by Camunda's own filter, which runs each call as the user with their groups
 * and tenants, so the engine's authorizations and council tenants apply.</li>
 * <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the pages' login and session (one login for the browser), which
 * {@link WebappSingleSignOn} hands to the webapps; their own CSRF protection.</li>
 * <li>everything else (health, the OpenAPI description, static files): open, with Spring Security's CSRF protection and
 * security headers for any page that posts.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String PROBLEM_JSON = "application/problem+json";

  private final Customizer<HeadersConfigurer<HttpSecurity>> common;

  /**
   * Headers on every answer: no referrer leaves the site (addresses carry case numbers), and HSTS (sent on HTTPS
   * requests only, e.g. behind a TLS proxy with forwarded headers) as configured.
   */
  SecurityConfiguration(@Value("${keiei.web.hsts.enabled:true}") boolean hsts,
      @Value("${keiei.web.hsts.max-age-seconds:31536000}") long hstsMaxAge,
      @Value("${keiei.web.hsts.include-subdomains:false}") boolean hstsSubdomains) {
    this.common = h -> {
      h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
      if (hsts) {
        h.httpStrictTransportSecurity(t -> t.maxAgeInSeconds(hstsMaxAge).includeSubDomains(hstsSubdomains));
      } else {
        h.httpStrictTransportSecurity(t -> t.disable());
      }
    };
  }

  /**
   * The actuator: health (with its probes) for load balancers and the container's check, open; everything else
   * (info, metrics, …) for administrators with HTTP Basic.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http, AuthenticationProvider engineUsers) throws Exception {
    return http.securityMatcher("/actuator/**")
        .authenticationManager(new ProviderManager(engineUsers))
        .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasAuthority(Groups.ADMIN))
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(m -> m.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .headers(common)
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, AuthenticationProvider engineUsers) throws Exception {
    AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
      if (e instanceof LockedException) {
        LoginThrottleFilter.tooMany(response);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"keiei-kaizen\", charset=\"UTF-8\"");
      problem(response, HttpStatus.UNAUTHORIZED, "認証が必要です", "ユーザーIDとパスワードで認証してください");
    };
    AccessDeniedHandler denied = (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "権限がありません",
        "この操作を行う権限がありません");
    return http.securityMatcher("/api/**")
        .authenticationManager(new ProviderManager(engineUsers)) // no global parent: one check, one count per login
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable()) // stateless Basic: a browser never sends these credentials on its own to a forged form
        .headers(common)
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
        .build();
  }

  /**
   * The application's pages (/app: statistics, dashboards, case list): a login form against the same engine users,
   * a session, CSRF tokens on every form, and a strict content security policy (scripts and styles from the app only).
   */
  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, AuthenticationProvider engineUsers) throws Exception {
    return http.securityMatcher("/app/**", "/login", "/logout")
        .authenticationManager(new ProviderManager(engineUsers))
        // the pages' own styles and scripts are never behind the login: the login page needs them, and a stylesheet
        // requested before login must not become the page a user lands on after it
        .authorizeHttpRequests(a -> a.requestMatchers("/login", "/app/assets/**", "/app/vendor/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/app/", false).failureHandler(loginFailure()))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(common)
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")))
        .build();
  }

  /**
   * The Camunda webapps (Tasklist, Cockpit, Admin) on the pages' session: one login for everything a browser opens.
   * Their pages send a user without a session to the login page and back; their API answers 401 without one (the
   * webapps then show their login view, which a script of ours sends to the login page). Their static files are open,
   * like the pages' assets. The user reaches the webapps through {@link WebappSingleSignOn}; their CSRF token is their
   * own (Spring's is off here), and so is their content security policy.
   */
  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    AuthenticationEntryPoint unauthenticated = (request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
        "認証が必要です", "ログインしてください");
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher api = paths.matcher("/camunda/api/**");
    HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
    pagesOnly.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/camunda/app/**"),
        new NegatedRequestMatcher(WebappSingleSignOn.STATIC_FILES)));
    // a path pattern on the whole path: the webapps' APIs are servlets of their own, which a Spring MVC pattern misses
    return http.securityMatcher(paths.matcher("/camunda/**"))
        // the webapps' own login is closed: the one login is /login (throttled); left open, it would check any
        // account's password for a logged-in user without the throttle
        .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/camunda/api/admin/auth/user/*/login/**")).denyAll()
            .requestMatchers(WebappSingleSignOn.STATIC_FILES).permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(unauthenticated, api)
            .defaultAuthenticationEntryPointFor(login, AnyRequestMatcher.INSTANCE))
        .requestCache(c -> c.requestCache(pagesOnly))
        // the webapps' logout ends the one session (the pages' too), then their login view sends the user to /login
        .logout(l -> l.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
        .csrf(c -> c.disable()) // the webapps' own CsrfPreventionFilter checks their X-XSRF-TOKEN
        .headers(common)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain rest(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        // /engine-rest takes HTTP Basic on every call
        .csrf(c -> c.ignoringRequestMatchers("/engine-rest/**"))
        .headers(common)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /** A refused login goes back to the login page, which says whether the password was wrong or logins are paused. */
  private static AuthenticationFailureHandler loginFailure() {
    ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
    failure.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?locked"));
    failure.setDefaultFailureUrl("/login?error");
    return failure;
  }

  /** Spring Security checks /api and page callers against the engine's users; authorities are their group ids. */
  @Bean
  AuthenticationProvider engineUsers(IdentityService identity, LoginThrottle throttle) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress() : "unknown";
        if (!throttle.blockedFor(user, address).isZero()) {
          throw new LockedException("too many failed logins from " + address);
        }
        if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
          throw throttle.failedLogin(user, address);
        }
        throttle.succeeded(user, address);
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
            .map(g -> new SimpleGrantedAuthority(g.getId())).toList();
        return new UsernamePasswordAuthenticationToken(user, null, groups);
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }

  /** The engine's REST API answers only authenticated callers and runs each call as them. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(0); // before the engine surface guard, which reads the user this filter sets
    return registration;
  }

  /** Counts failed logins through /engine-rest, before Camunda's own check runs. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(-1000);
    return registration;
  }

  private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
        + ",\"detail\":\"" + detail + "\"}");
  }
}
