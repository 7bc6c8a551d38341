package jp.keieikaizen.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Submitted form or API values, read field by field with their rules. Every problem is collected;
 * {@link #validate()} then throws one {@link InvalidInputException} naming each bad field.
 */
public final class FormValues {

  /** Japanese phone numbers: 10 or 11 digits starting with 0, in groups separated by hyphens or not. */
  public static final Pattern PHONE = Pattern.compile("0\\d{1,4}-?\\d{1,4}-?\\d{3,4}");
  /** Characters no name or address needs and markup does: < > " ` { } and the backslash. */
  private static final Pattern MARKUP = Pattern.compile("[<>\"`{}\\\\]");
  private static final int MIN_YEAR = 1900, MAX_YEAR = 2100;
  /** A whole number written with thousands separators: 225,000 or 1,234,567 (not 225,000,0, nor 22,5000). */
  private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+");
  private static final Pattern DIGITS = Pattern.compile("-?\\d{1,18}");

  private final Map<String, ?> values;
  private final List<FieldProblem> problems = new ArrayList<>();

  public FormValues(Map<String, ?> values) {
    this.values = values;
  }

  /** Whether the field holds this text (e.g. one of a choice's values), before any rule reads it. */
  public boolean holds(String field, String text) {
    Object v = values.get(field);
    return v != null && v.toString().strip().equals(text);
  }

  public boolean isPresent(String field) {
    Object v = values.get(field);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  public String requiredText(String field, int maxLength) {
    String s = optionalText(field, maxLength);
    if (s == null && !isPresent(field)) {
      problem(field, "必須項目です");
    }
    return s;
  }

  /**
   * Text: a string (or a number), at most maxLength characters, no control characters, and no sign of broken
   * encoding (U+FFFD, unpaired surrogates, noncharacters).
   */
  public String optionalText(String field, int maxLength) {
    if (!isPresent(field)) {
      return null;
    }
    Object v = values.get(field);
    if (!(v instanceof String || v instanceof Number)) {
      return problem(field, "文字列で入力してください");
    }
    String s = String.valueOf(v).strip();
    if (s.codePointCount(0, s.length()) > maxLength) {
      return problem(field, maxLength + "文字以内で入力してください");
    }
    if (s.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F))) {
      return problem(field, "制御文字は使えません");
    }
    if (!wellFormed(s)) {
      return problem(field, "文字化けした文字（置換文字・不正なサロゲート）が含まれています。UTF-8 で入力してください");
    }
    return s;
  }

  /** A name or address: text without markup characters (< > " ` { } \), which no 商号 or 住所 contains. */
  public String requiredName(String field, int maxLength) {
    String s = requiredText(field, maxLength);
    return s != null && MARKUP.matcher(s).find() ? problem(field, "記号 < > \" ` { } \\ は使えません") : s;
  }

  public String optionalName(String field, int maxLength) {
    String s = optionalText(field, maxLength);
    return s != null && MARKUP.matcher(s).find() ? problem(field, "記号 < > \" ` { } \\ は使えません") : s;
  }

  /** An optional phone number (固定・携帯・フリーダイヤル), e.g. 03-1234-5678. */
  public String optionalPhone(String field) {
    String s = optionalText(field, 13);
    if (s == null) {
      return null;
    }
    return PHONE.matcher(s).matches() && s.replace("-", "").length() >= 10 && s.replace("-", "").length() <= 11 ? s
        : problem(field, "電話番号は 03-1234-5678 のように半角数字とハイフンで入力してください");
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Japanese postal code, stored as 123-4567: seven digits with or without the hyphen, full-width digits and the
   * usual dash look-alikes (－ ー ‐ − ―) read as the same. Anything else is refused with the form to use.
   */
  public String requiredPostalCode(String field) {
    String s = requiredText(field, 20);
    if (s == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    int dashes = 0;
    int dashAt = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '０' && c <= '９') {
        c = (char) ('0' + (c - '０'));
      }
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if ("-－ー‐−―".indexOf(c) >= 0) {
        dashes++;
        dashAt = digits.length();
      } else {
        return problem(field, "郵便番号は 123-4567 または 1234567 の形式で入力してください");
      }
    }
    if (digits.length() != 7 || dashes > 1 || (dashes == 1 && dashAt != 3)) {
      return problem(field, "郵便番号は 123-4567 または 1234567 の形式で入力してください");
    }
    return digits.substring(0, 3) + "-" + digits.substring(3);
  }

  public String requiredPattern(String field, Pattern pattern, String rule) {
    String s = requiredText(field, 200);
    return s == null || pattern.matcher(s).matches() ? s : problem(field, rule);
  }

  public String optionalPattern(String field, Pattern pattern, String rule) {
    String s = optionalText(field, 200);
    return s == null || pattern.matcher(s).matches() ? s : problem(field, rule);
  }

  public Long requiredLong(String field, long min, long max) {
    Long v = optionalLong(field, min, max);
    if (v == null && !isPresent(field)) {
      problem(field, "必須項目です");
    }
    return v;
  }

  /** Whole numbers only: 1.5 or "12a" is refused, 3.0 from a JSON number is accepted. */
  public Long optionalLong(String field, long min, long max) {
    if (!isPresent(field)) {
      return null;
    }
    Long v = toLong(values.get(field));
    if (v == null) {
      return problem(field, "整数で入力してください");
    }
    if (v < min || v > max) {
      return problem(field, String.format("%,dから%,dまでの整数で入力してください", min, max));
    }
    return v;
  }

  public Integer requiredInt(String field, int min, int max) {
    Long v = requiredLong(field, min, max);
    return v == null ? null : v.intValue();
  }

  public LocalDate requiredDate(String field) {
    LocalDate d = optionalDate(field);
    if (d == null && !isPresent(field)) {
      problem(field, "必須項目です");
    }
    return d;
  }

  /** A required date that cannot lie in the future (transfers, invoices, payments, reports). */
  public LocalDate requiredPastDate(String field, LocalDate today) {
    LocalDate date = requiredDate(field);
    return date != null && date.isAfter(today) ? problem(field, "未来の日付は入力できません") : date;
  }

  public LocalDate optionalDate(String field) {
    if (!isPresent(field)) {
      return null;
    }
    Object v = values.get(field);
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof java.util.Date d) {
      return new java.sql.Date(d.getTime()).toLocalDate();
    }
    if (!(v instanceof String)) {
      return problem(field, "日付(YYYY-MM-DD)で入力してください");
    }
    String s = ((String) v).strip();
    LocalDate date;
    try {
      date = LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return problem(field, "日付(YYYY-MM-DD)で入力してください");
    }
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      return problem(field, MIN_YEAR + "年から" + MAX_YEAR + "年までの日付を入力してください");
    }
    return date;
  }

  /** A checkbox: true, false, "true", "false" or absent (false); anything else is refused. */
  public boolean flag(String field) {
    Object v = values.get(field);
    if (v == null || v instanceof Boolean || (v instanceof String s && (s.isBlank() || s.equalsIgnoreCase("true")
        || s.equalsIgnoreCase("false")))) {
      return v instanceof Boolean b ? b : v instanceof String s && s.equalsIgnoreCase("true");
    }
    problem(field, "チェックを入れるか外すかのどちらかで指定してください");
    return false;
  }

  /** A checkbox that must be ticked, e.g. a plan-contents checklist item. */
  public boolean requiredTrue(String field, String rule) {
    boolean ticked = flag(field);
    if (!ticked) {
      problem(field, rule);
    }
    return ticked;
  }

  public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    String s = requiredText(field, 60);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      return problem(field, "選択肢から選んでください");
    }
  }

  /** Records a problem found by a rule that spans fields. Returns null so callers can use it as a value. */
  public <T> T problem(String field, String rule) {
    problems.add(new FieldProblem(field, rule));
    return null;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public boolean hasProblem(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  public void validate() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static Long toLong(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (!(v instanceof Number || v instanceof String)) {
      return null;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 9e15 ? (long) d : null;
    }
    // full-width digits and commas (２２５，０００) read as ASCII; commas only as well-formed thousands groups
    String s = java.text.Normalizer.normalize(String.valueOf(v), java.text.Normalizer.Form.NFKC).strip();
    if (GROUPED.matcher(s).matches()) {
      s = s.replace(",", "");
    } else if (!DIGITS.matcher(s).matches()) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
