package jp.keieikaizen.common;

/**
 * The caller may see the thing but not do this to it (HTTP 403). Where the caller may not even see a case or task,
 * the answer is {@link NotFoundException}, worded as for one that does not exist.
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
