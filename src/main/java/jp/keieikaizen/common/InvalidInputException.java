package jp.keieikaizen.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule. Thrown before anything is written, so a rejected request changes nothing. */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public static InvalidInputException of(String field, String rule) {
    return new InvalidInputException(List.of(new FieldProblem(field, rule)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
