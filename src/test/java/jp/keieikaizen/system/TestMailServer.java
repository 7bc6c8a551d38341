package jp.keieikaizen.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server in the test JVM (GreenMail, on a free port) that the application's notification mails go to; tests
 * read what it received. Part of {@link WholeAppOnMariaDb}, so every integration test runs with mail on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return server;
  }

  @Bean
  @Primary
  JavaMailSender testMailSender(GreenMail greenMail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }
}
