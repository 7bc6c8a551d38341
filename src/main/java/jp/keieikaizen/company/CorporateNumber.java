package jp.keieikaizen.company;

/**
 * 法人番号: 13 digits, the first of which is a check digit over the other twelve
 * (国税庁: check = 9 - (Σ Pn × Qn mod 9), Pn the n-th digit counted from the right of the twelve, Qn = 1 for odd n, 2 for even n).
 */
public record CorporateNumber(String value) {

  public CorporateNumber {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid corporate number: " + value);
    }
  }

  public static boolean isValid(String candidate) {
    if (candidate == null || !candidate.matches("\\d{13}")) {
      return false;
    }
    return candidate.charAt(0) - '0' == checkDigit(candidate.substring(1));
  }

  /** The check digit for a 12-digit base number. */
  static int checkDigit(String base12) {
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = base12.charAt(12 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - sum % 9;
  }

  @Override
  public String toString() {
    return value;
  }
}
