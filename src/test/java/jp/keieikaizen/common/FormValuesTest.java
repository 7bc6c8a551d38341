package jp.keieikaizen.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormValuesTest {

  @Test
  void readsWhatTasklistAndJsonSend() {
    FormValues form = new FormValues(Map.of("amount", 225000, "big", 3.0e6, "text", "1,500", "date", "2025-06-02",
        "dateTime", "2025-06-02T00:00:00.000+0900", "flag", true, "name", "  株式会社テスト  "));
    assertThat(form.requiredLong("amount", 0, 1_000_000)).isEqualTo(225_000);
    assertThat(form.requiredLong("big", 0, 10_000_000)).isEqualTo(3_000_000);
    assertThat(form.requiredLong("text", 0, 10_000)).isEqualTo(1_500);
    assertThat(form.requiredDate("date")).isEqualTo(LocalDate.of(2025, 6, 2));
    assertThat(form.requiredDate("dateTime")).isEqualTo(LocalDate.of(2025, 6, 2));
    assertThat(form.flag("flag")).isTrue();
    assertThat(form.requiredText("name", 20)).isEqualTo("株式会社テスト");
    form.validate();
  }

  @Test
  void collectsEveryProblemWithItsFieldBeforeFailing() {
    Map<String, Object> values = new HashMap<>();
    values.put("fraction", 1.5);
    values.put("negative", -1);
    values.put("date", "2025-02-30");
    values.put("long", "あ".repeat(11));
    values.put("control", "a\u0000b");
    values.put("kind", "MAYBE");
    FormValues form = new FormValues(values);
    form.requiredLong("fraction", 0, 10);
    form.requiredLong("negative", 0, 10);
    form.requiredDate("date");
    form.requiredText("long", 10);
    form.requiredText("control", 10);
    form.requiredText("missing", 10);
    form.requiredEnum("kind", Thread.State.class);
    assertThatThrownBy(form::validate).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
        .extracting(FieldProblem::field)
        .containsExactly("fraction", "negative", "date", "long", "control", "missing", "kind"));
  }
}
