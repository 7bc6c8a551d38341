package jp.keieikaizen.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the outbox's sender and the due-date scan on a schedule (both do nothing while mail is off). */
@Configuration
@EnableScheduling
class NotifyConfiguration {
}
