package jp.keieikaizen.system;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code spring.datasource.url} configured, starts an embedded MariaDB and points the datasource at it.
 * The embedded default is the newcomer's set-up, so it also switches on the {@code demo} profile
 * (unless {@code keiei.embedded-db.demo=false}).
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String PREFIX = "keiei.embedded-db.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (env.containsProperty("spring.datasource.url") || !env.getProperty(PREFIX + "enabled", Boolean.class, true)) {
      return;
    }
    File dataDir = new File(env.getProperty(PREFIX + "data-dir", "data/mariadb")).getAbsoluteFile();
    EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, env.getProperty(PREFIX + "fresh", Boolean.class, false));
    EmbeddedMariaDb.usedBySpring = true;
    Map<String, Object> props = new HashMap<>();
    props.put("spring.datasource.url", db.jdbcUrl(env.getProperty(PREFIX + "database", "keiei_kaizen")));
    props.put("spring.datasource.username", "root");
    props.put("spring.datasource.password", "");
    env.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", props));
    if (env.getProperty(PREFIX + "demo", Boolean.class, true)) {
      env.addActiveProfile("demo");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the config files are read
  }
}
