package jp.keieikaizen.security;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the browser: the Camunda webapps take the user of the pages' Spring Security session
 * ({@code request.getUserPrincipal()}) as their own, with the groups and tenants the engine's identity service gives
 * that user, instead of asking for a second login (Camunda's container-based authentication).
 */
@Configuration(proxyBeanMethods = false)
class WebappSingleSignOn {

  /**
   * After Spring Security's filter chain (which sets the principal) and before the engine surface guard (order 1,
   * which reads the webapps' user from the session).
   */
  static final int ORDER = 0;

  /** The webapps' static files, open to anyone like the pages' assets: scripts, styles, fonts, images, locales. */
  static final RequestMatcher STATIC_FILES = new RegexRequestMatcher(
      "^/camunda/(app|lib|assets)/[^?]+\\.(js|css|svg|png|gif|ico|woff2?|ttf|eot|json|map)(\\?.*)?$", null);

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOnFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapp-single-sign-on");
    registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
