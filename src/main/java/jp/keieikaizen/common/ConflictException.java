package jp.keieikaizen.common;

/** A request that is well-formed but not allowed in the case's current state. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
