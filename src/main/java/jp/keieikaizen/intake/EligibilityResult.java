package jp.keieikaizen.intake;

import java.util.List;

/** The automatic check of an application: eligible, or the findings that make it not. */
public record EligibilityResult(boolean eligible, List<String> findings) {

  public static EligibilityResult of(List<String> findings) {
    return new EligibilityResult(findings.isEmpty(), List.copyOf(findings));
  }
}
