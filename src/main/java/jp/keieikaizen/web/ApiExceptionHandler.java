package jp.keieikaizen.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;

/** Errors of the application's API as application/problem+json; a 400 names each bad field and its rule. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return badRequest(e.problems());
  }

  /**
   * A body that is not UTF-8 JSON: the field is named where the parser knows it (e.g. the value with a broken byte),
   * else {@code body}.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = "body";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() != null) {
      field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
    } else if (e.getCause() instanceof JsonProcessingException parsing && parsing.getProcessor() instanceof JsonParser parser
        && parser.getParsingContext() != null && parser.getParsingContext().getCurrentName() != null) {
      field = parser.getParsingContext().getCurrentName();
    }
    return badRequest(List.of(new FieldProblem(field, "JSON として読めません（UTF-8 のオブジェクトで送ってください）")));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    return badRequest(List.of(new FieldProblem(e.getRequestPartName(), "必須項目です")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return badRequest(List.of(new FieldProblem(e.getParameterName(), "必須項目です")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(List.of(new FieldProblem(e.getName(), "形式が正しくありません")));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "見つかりません", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "権限がありません", e.getMessage());
  }

  /** A change of the case by someone else (or a job) in the same moment, e.g. an upload while its step completes. */
  @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
  ProblemDetail concurrentChange(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "同時に更新されました", ConflictException.CONCURRENT_CHANGE);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "現在の状態ではできません", e.getMessage());
  }

  private static ProblemDetail badRequest(List<FieldProblem> problems) {
    ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります",
        String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
    detail.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "rule", p.rule())).toList());
    return detail;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
