package jp.keieikaizen.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** Timer and due dates for the engine: a business date means its start in Japan. */
final class Dates {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private Dates() {
  }

  static Date startOf(LocalDate date) {
    return date == null ? null : Date.from(date.atStartOfDay(JAPAN).toInstant());
  }

  /** Instants and dates from the domain become java.util.Date, which timers and due dates take. */
  static Object forEngine(Object value) {
    if (value instanceof Instant i) {
      return Date.from(i);
    }
    if (value instanceof LocalDate d) {
      return startOf(d);
    }
    return value;
  }
}
