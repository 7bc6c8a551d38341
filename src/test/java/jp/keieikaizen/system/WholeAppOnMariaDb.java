package jp.keieikaizen.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the embedded MariaDB of this test run (fresh), job executor polling fast, no demo data,
 * the first administrator from configuration, notification mails on and sent to {@link TestMailServer}.
 * Every integration test uses this one annotation, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "keiei.embedded-db.data-dir=" + TestDatabase.DATA_DIR, "keiei.embedded-db.fresh=true", "keiei.embedded-db.demo=false",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500",
    "keiei.security.initial-admin.id=" + WholeAppOnMariaDb.ADMIN, "keiei.security.initial-admin.password=" + WholeAppOnMariaDb.ADMIN_PASSWORD,
    "keiei.mail.enabled=true", "keiei.mail.from=keiei-kaizen@example.jp", "keiei.mail.send-interval=PT0.5S",
    "keiei.mail.base-url=https://keiei.example.jp" })
@org.springframework.context.annotation.Import(TestMailServer.class)
public @interface WholeAppOnMariaDb {

  /** The administrator created from configuration at start, as in production. */
  String ADMIN = "it-admin";
  String ADMIN_PASSWORD = "Secure-Test-2026";
}
