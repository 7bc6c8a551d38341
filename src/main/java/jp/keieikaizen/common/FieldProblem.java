package jp.keieikaizen.common;

/** One rejected field: its name as the form or API sends it, and the rule it broke (in Japanese, for the user). */
public record FieldProblem(String field, String rule) {

  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
