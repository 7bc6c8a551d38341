package jp.keieikaizen.casefile;

import java.util.regex.Pattern;

/** A case number a person can read and say: council (prefecture code) - fiscal year - sequence, e.g. 13-2025-0001. */
public record CaseNumber(String value) {

  public static final Pattern FORMAT = Pattern.compile("(0[1-9]|[1-3]\\d|4[0-7])-\\d{4}-\\d{4,6}");

  public CaseNumber {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a case number: " + value);
    }
  }

  public static CaseNumber of(String councilCode, int fiscalYear, int sequence) {
    return new CaseNumber(String.format("%s-%d-%04d", councilCode, fiscalYear, sequence));
  }

  @Override
  public String toString() {
    return value;
  }
}
