package jp.keieikaizen.web;

import java.util.List;

/**
 * What one step needs to decide, shown above its form on the task page: the figures and reasons from the case record
 * that the form asks the user to act on (the amount due, the claim as filed, the lender's earlier answers, the reason
 * of the last return). A fact marked {@code warning} is one the user must not miss (a shortfall, an overdue answer).
 */
public record StepFacts(String heading, List<Fact> facts, List<String> notes) {

  public record Fact(String label, String value, boolean warning) {
    static Fact of(String label, String value) {
      return new Fact(label, value, false);
    }

    static Fact warning(String label, String value) {
      return new Fact(label, value, true);
    }
  }

  public boolean isEmpty() {
    return facts.isEmpty() && notes.isEmpty();
  }
}
