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

  /** Thousands separators only where they belong (#13: "225,000,0," was read as 2,250,000); full-width digits too. */
  @Test
  void readsDigitGroupingOnlyWhenWellFormed() {
    Map<String, Object> good = Map.of("a", "225,000", "b", "1,234,567", "c", "２２５，０００", "d", " 225000 ", "e", "-1,000");
    FormValues ok = new FormValues(good);
    assertThat(ok.requiredLong("a", -10, 10_000_000)).isEqualTo(225_000);
    assertThat(ok.requiredLong("b", -10, 10_000_000)).isEqualTo(1_234_567);
    assertThat(ok.requiredLong("c", -10, 10_000_000)).isEqualTo(225_000);
    assertThat(ok.requiredLong("d", -10, 10_000_000)).isEqualTo(225_000);
    assertThat(ok.requiredLong("e", -10_000, 10_000_000)).isEqualTo(-1_000);
    ok.validate();
    for (String bad : new String[] {"225,000,0,", "22,5000", ",225", "2,25,000", "225,,000", "225 000", "225,000.5",
        "1e3", "+5", "0x10", "99999999999999999999"}) {
      FormValues form = new FormValues(Map.of("fee", bad));
      assertThat(form.optionalLong("fee", 0, Long.MAX_VALUE)).as(bad).isNull();
      assertThat(form.hasProblem("fee")).as(bad).isTrue();
    }
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

  @Test
  void refusesWhatNoHonestFormSends() {
    Map<String, Object> values = new HashMap<>();
    values.put("object", Map.of("$ne", 1));
    values.put("list", java.util.List.of("a"));
    values.put("replacement", "株式会社\uFFFDテスト");
    values.put("surrogate", "a\uD800b");
    values.put("c1", "a\u0085b");
    values.put("markup", "<script>alert(1)</script>");
    values.put("quote", "株式会社\"テスト\"");
    values.put("flag", "maybe");
    values.put("farFuture", "9999-12-31");
    values.put("dateObject", Map.of("year", 2025));
    values.put("amountObject", Map.of("value", 1));
    FormValues form = new FormValues(values);
    form.requiredText("object", 10);
    form.requiredText("list", 10);
    form.requiredText("replacement", 20);
    form.requiredText("surrogate", 10);
    form.requiredText("c1", 10);
    form.requiredName("markup", 100);
    form.requiredName("quote", 100);
    form.flag("flag");
    form.requiredDate("farFuture");
    form.requiredDate("dateObject");
    form.requiredLong("amountObject", 0, 10);

    assertThatThrownBy(form::validate).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
        .extracting(FieldProblem::field).containsExactly("object", "list", "replacement", "surrogate", "c1", "markup",
            "quote", "flag", "farFuture", "dateObject", "amountObject"));
  }

  @Test
  void namesKeepTheSymbolsA商号MayHaveAndEmojiCountAsOneCharacter() {
    FormValues form = new FormValues(Map.of("name", "A&B・テスト's Co., Ltd.", "emoji", "😀".repeat(3)));
    assertThat(form.requiredName("name", 100)).isEqualTo("A&B・テスト's Co., Ltd.");
    assertThat(form.requiredText("emoji", 3)).isEqualTo("😀😀😀");
    form.validate();
  }

  @Test
  void phoneNumbersAreJapaneseNumbersWithOrWithoutHyphens() {
    for (String good : new String[] {"03-1234-5678", "0312345678", "090-1234-5678", "0120-123-456", "011-123-4567"}) {
      FormValues form = new FormValues(Map.of("phone", good));
      assertThat(form.optionalPhone("phone")).as(good).isEqualTo(good);
      form.validate();
    }
    for (String bad : new String[] {"3-1234-5678", "03-1234-56789012", "abc", "03 1234 5678", "+81-3-1234-5678", "031234"}) {
      FormValues form = new FormValues(Map.of("phone", bad));
      form.optionalPhone("phone");
      assertThat(form.hasProblem("phone")).as(bad).isTrue();
    }
  }

  /** Postal codes are normalised, not refused, when they are seven digits in the usual ways of typing them (#14). */
  @Test
  void postalCodesAreNormalisedToTheirStoredForm() {
    Map<String, String> read = new java.util.LinkedHashMap<>();
    for (String typed : java.util.List.of("100-0005", "1000005", "１００－０００５", "１０００００５", "100ー0005", " 100-0005 ",
        "1000-005", "100-00055", "100--0005", "〒100-0005", "10-00005")) {
      FormValues form = new FormValues(Map.of("postalCode", typed));
      String value = form.requiredPostalCode("postalCode");
      read.put(typed, form.hasProblems() ? "refused" : value);
    }
    assertThat(read.values()).containsExactly("100-0005", "100-0005", "100-0005", "100-0005", "100-0005", "100-0005",
        "refused", "refused", "refused", "refused", "refused");
  }
}
