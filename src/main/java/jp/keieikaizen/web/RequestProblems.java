package jp.keieikaizen.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests refused before any controller is chosen (a multipart body that cannot be read, an upload over the limit, a
 * body of a type the endpoint does not take, a method it does not answer): problem+json like every other refusal of
 * the API, naming the field where there is one. Spring would otherwise answer 413 with an empty body, 415 or 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

  private final long maxBytes;

  RequestProblems(@Value("${keiei.documents.max-size-bytes:20971520}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return withField(HttpStatus.PAYLOAD_TOO_LARGE, "ファイルが大きすぎます", "file",
        String.format("ファイルは %,d MB までです", maxBytes / (1024 * 1024)));
  }

  /** A multipart body the server cannot read, e.g. a file name with a NUL character. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableMultipart(MultipartException e) {
    if (e.getCause() != null && e.getCause().getClass().getSimpleName().contains("SizeLimitExceeded")) {
      return tooLarge(new MaxUploadSizeExceededException(maxBytes, e));
    }
    return withField(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります", "file",
        "マルチパートの形式が正しくないか、ファイル名に使えない文字（NUL などの制御文字）が含まれています");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException e) {
    return withField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "受け付けられない形式です", "Content-Type",
        "この呼び出しは " + String.join(" / ", e.getSupportedMediaTypes().stream().map(Object::toString).toList())
            + " で送ってください");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
        "このアドレスは " + e.getMethod() + " では呼び出せません");
    problem.setTitle("呼び出し方が正しくありません");
    return problem;
  }

  private static ProblemDetail withField(HttpStatus status, String title, String field, String rule) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + rule);
    problem.setTitle(title);
    problem.setProperty("errors", List.of(Map.of("field", field, "rule", rule)));
    return problem;
  }
}
