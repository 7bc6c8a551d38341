package jp.keieikaizen.common;

/** A case, document or other record that does not exist (or that the caller may not know of). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
