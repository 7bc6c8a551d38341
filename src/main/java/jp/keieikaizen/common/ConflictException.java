package jp.keieikaizen.common;

/** A request that is well-formed but not allowed in the case's current state. */
public class ConflictException extends RuntimeException {

  /** A lost race with another change of the same case: nothing was written, and repeating may succeed. */
  public static final String CONCURRENT_CHANGE =
      "同じ案件が同時に更新されたため、何も変更していません。画面を更新して、もう一度お試しください";

  public ConflictException(String message) {
    super(message);
  }
}
