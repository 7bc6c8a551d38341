package jp.keieikaizen.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail off queues and sends nothing; mail on without an SMTP server or a sender address refuses to start. */
class OutboxTest {

  @Test
  void mailOnWithoutAServerOrASenderRefusesToStartAndNamesWhatToSet() {
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    assertThatThrownBy(() -> new Outbox(null, null, none.getBeanProvider(JavaMailSender.class), Clock.systemUTC(), true,
        "keiei@example.jp")).isInstanceOf(IllegalStateException.class).hasMessageContaining("SPRING_MAIL_HOST");
    StaticListableBeanFactory server = new StaticListableBeanFactory();
    server.addBean("mail", new JavaMailSenderImpl());
    assertThatThrownBy(() -> new Outbox(null, null, server.getBeanProvider(JavaMailSender.class), Clock.systemUTC(), true,
        " ")).isInstanceOf(IllegalStateException.class).hasMessageContaining("KEIEI_MAIL_FROM");
  }

  @Test
  void mailOffQueuesAndSendsNothing() {
    Outbox off = new Outbox(null, null, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
        Clock.systemUTC(), false, "");
    assertThat(off.enabled()).isFalse();
    assertThat(off.enqueue(List.of(new Notification(NotificationKind.OFFERED, "t1", "u1", "u1@example.jp", "件名", "本文"))))
        .isZero();
    assertThat(off.sendPending()).isZero();
  }
}
