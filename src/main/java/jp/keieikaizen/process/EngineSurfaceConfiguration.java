package jp.keieikaizen.process;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import jp.keieikaizen.security.Callers;

/**
 * The engine's HTTP surfaces under the application's rules (docs/adr/0008): the guard in front of /engine-rest and the
 * webapps' engine API, and the webapps' engine API served with the same refusal answers as /engine-rest.
 */
@Configuration(proxyBeanMethods = false)
class EngineSurfaceConfiguration {

  /** After Camunda's authentication filter of /engine-rest (order 0), which sets the engine user of the call. */
  static final int GUARD_ORDER = 1;

  @Bean
  FilterRegistrationBean<EngineSurfaceGuard> engineSurfaceGuard(Callers callers, IdentityService identity,
      TaskAccess tasks) {
    FilterRegistrationBean<EngineSurfaceGuard> registration =
        new FilterRegistrationBean<>(new EngineSurfaceGuard(callers, identity, tasks));
    registration.setName("engine-surface-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(GUARD_ORDER);
    return registration;
  }

  /**
   * Registers the webapps' "Engine Api" servlet before Camunda's initializer does (it keeps a registration it finds),
   * with an application that adds our exception mappers: Tasklist then shows our Japanese refusal, not a 500.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApi(@Value("${camunda.bpm.webapp.application-path:/camunda}") String appPath) {
    return context -> {
      var servlet = context.addServlet("Engine Api", ServletContainer.class);
      servlet.addMapping(appPath + "/api/engine/*");
      servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", WebappEngineApplication.class.getName()));
    };
  }

  /** Camunda's engine API application for the webapps, with our exception mappers. */
  public static class WebappEngineApplication extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.addAll(EngineRestValidationMapper.MAPPERS);
      return classes;
    }
  }
}
