package jp.keieikaizen.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last answer for what no other handler took: the database unreachable (a restart, a failover) is 503 with
 * Retry-After, so clients retry and nothing was written; Spring's own request errors keep their status; anything else
 * is a 500 in problem+json that names nothing internal (the cause is logged).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ServerProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ServerProblems.class);
  static final String RETRY_AFTER_SECONDS = "30";

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
    if (e instanceof ErrorResponse spring) {
      return ResponseEntity.status(spring.getStatusCode()).body(spring.getBody());
    }
    if (databaseUnavailable(e)) {
      LOG.warn("Database unavailable: {}", e.toString());
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "データベースに接続できないため、何も変更していません。しばらくしてからもう一度お試しください");
      problem.setTitle("ただいま利用できません");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .body(problem);
    }
    LOG.error("Unexpected error", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "サーバーで問題が発生しました。時間をおいてもう一度お試しください。続く場合は管理者に連絡してください");
    problem.setTitle("サーバーで問題が発生しました");
    return ResponseEntity.internalServerError().body(problem);
  }

  /** Whether the failure is that no connection to the database could be had or kept. */
  static boolean databaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException || t instanceof java.net.ConnectException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException
          || t instanceof org.hibernate.exception.JDBCConnectionException) {
        return true;
      }
    }
    return false;
  }
}
