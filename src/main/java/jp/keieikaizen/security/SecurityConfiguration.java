package jp.keieikaizen.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what over HTTP.
 * <ul>
 * <li>{@code /api/**}: HTTP Basic against the engine's users (the same accounts as Tasklist; the engine's hashing and
 * its lock-out after repeated failed logins), stateless, so no cookie and no CSRF token; what a caller may see and do
 * is decided per case by {@link CaseAccess}. Unauthenticated: 401 problem+json.</li>
 * <li>{@code /engine-rest/**}: HTTP Basic by Camunda's own filter, which runs each call as the user with their groups
 * and tenants, so the engine's authorizations and council tenants apply.</li>
 * <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the webapps' own login, session and CSRF protection.</li>
 * <li>everything else (health, the OpenAPI description, static files): open, with Spring Security's CSRF protection and
 * security headers for any page that posts.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, AuthenticationProvider engineUsers) throws Exception {
    AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"keiei-kaizen\", charset=\"UTF-8\"");
      problem(response, HttpStatus.UNAUTHORIZED, "認証が必要です", "ユーザーIDとパスワードで認証してください");
    };
    AccessDeniedHandler denied = (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "権限がありません",
        "この操作を行う権限がありません");
    return http.securityMatcher("/api/**")
        .authenticationProvider(engineUsers)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable()) // stateless Basic: a browser never sends these credentials on its own to a forged form
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
        .authenticationProvider(engineUsers)
        .authorizeHttpRequests(a -> a.requestMatchers("/login").permitAll().anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/app/", false).failureUrl("/login?error"))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain rest(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        // the webapps (/camunda) carry their own CSRF token; /engine-rest takes HTTP Basic on every call
        .csrf(c -> c.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /** Spring Security checks /api and page callers against the engine's users; authorities are their group ids. */
  @Bean
  AuthenticationProvider engineUsers(IdentityService identity) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
          throw new BadCredentialsException("bad credentials");
        }
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
