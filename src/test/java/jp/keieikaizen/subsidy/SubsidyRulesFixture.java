package jp.keieikaizen.subsidy;

import java.io.IOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The real rules file, bound the way the application binds it. */
public final class SubsidyRulesFixture {

  private SubsidyRulesFixture() {
  }

  public static SubsidyRules load() {
    try {
      var env = new StandardEnvironment();
      new YamlPropertySourceLoader().load("rules", new ClassPathResource("rules/subsidy-rules.yaml"))
          .forEach(env.getPropertySources()::addLast);
      return Binder.get(env).bind("subsidy", SubsidyRules.class).get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
