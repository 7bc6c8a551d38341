package jp.keieikaizen.web;

import java.util.Map;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the server answers when a request fails outside any controller (a filter's refusal, a limit of the servlet
 * container, a page that does not exist): problem+json for programs, a short Japanese page for browsers; never
 * Spring's English "Whitelabel" page or an empty body, and never the exception.
 */
@Controller
class ErrorAnswers implements ErrorController {

  static final Map<Integer, String> TITLES = Map.of(400, "入力内容に誤りがあります", 401, "認証が必要です", 403,
      "権限がありません", 404, "見つかりません", 405, "呼び出し方が正しくありません", 409, "現在の状態ではできません", 413,
      "送信された内容が大きすぎます", 415, "受け付けられない形式です", 503, "ただいま利用できません");

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request) {
    HttpStatus status = status(request);
    String title = HtmlUtils.htmlEscape(title(status));
    String html = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>" + title
        + "</title></head><body><h1>" + title + "</h1><p>" + HtmlUtils.htmlEscape(detail(status))
        + "</p><p><a href=\"/app/\">業務画面へ戻る</a></p></body></html>";
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = status(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
    problem.setTitle(title(status));
    var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      answer.header(org.springframework.http.HttpHeaders.RETRY_AFTER, ServerProblems.RETRY_AFTER_SECONDS);
    }
    return answer.body(problem);
  }

  /** The status to answer; a failure that is the database being unreachable (e.g. while logging in) is a 503. */
  private static HttpStatus status(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && ServerProblems.databaseUnavailable(failure)) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String title(HttpStatus status) {
    return TITLES.getOrDefault(status.value(), status.is5xxServerError() ? "サーバーで問題が発生しました" : "処理できませんでした");
  }

  private static String detail(HttpStatus status) {
    return switch (status.value()) {
      case 401 -> "ログインしてください";
      case 403 -> "この操作を行う権限がありません";
      case 404 -> "指定されたページやデータは見つかりません";
      case 413 -> "ファイルや入力が大きすぎます";
      case 503 -> "データベースに接続できないため、何も変更していません。しばらくしてからもう一度お試しください";
      default -> status.is5xxServerError() ? "時間をおいてもう一度お試しください。続く場合は管理者に連絡してください"
          : "入力や操作を確かめて、もう一度お試しください";
    };
  }
}
