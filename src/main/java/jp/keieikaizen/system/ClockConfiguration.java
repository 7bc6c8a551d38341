package jp.keieikaizen.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** Business dates (application, decision, deadlines) are Japanese calendar days. */
  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of("Asia/Tokyo"));
  }
}
