package jp.keieikaizen.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import jp.keieikaizen.common.FieldProblem;

/**
 * The answers the engine's HTTP surfaces give a refused call, as /api gives them: problem+json with a Japanese title
 * and detail, the bad fields where there are any, and {@code message} (what Tasklist and Cockpit show). An id the
 * caller may not see answers exactly like one that does not exist.
 */
final class EngineProblems {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Problem(int status, String title, String detail, List<FieldProblem> errors) {
  }

  private EngineProblems() {
  }

  static Problem unauthenticated() {
    return new Problem(401, "認証が必要です", "ログインしてください", List.of());
  }

  static Problem forbidden(String detail) {
    return new Problem(403, "権限がありません", detail, List.of());
  }

  /** The same for an unknown id and for one of another council or agency. */
  static Problem notFound() {
    return new Problem(404, "見つかりません", "指定されたものは見つかりません（完了・削除済みか、見る権限がありません）", List.of());
  }

  static Problem invalid(List<FieldProblem> problems) {
    return new Problem(400, "入力内容に誤りがあります", "入力内容に誤りがあります："
        + problems.stream().map(p -> p.field() + "：" + p.rule()).collect(Collectors.joining("／")), problems);
  }

  static Problem conflict(String detail) {
    return new Problem(409, "処理できない状態です", detail, List.of());
  }

  static Map<String, Object> body(Problem p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", p.title());
    body.put("status", p.status());
    body.put("detail", p.detail());
    body.put("message", p.detail());
    if (!p.errors().isEmpty()) {
      body.put("errors", p.errors().stream().map(e -> Map.of("field", e.field(), "rule", e.rule())).toList());
    }
    return body;
  }

  static void write(HttpServletResponse response, Problem p) throws IOException {
    response.setStatus(p.status());
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    JSON.writeValue(response.getOutputStream(), body(p));
  }

  static Response response(Problem p) {
    return Response.status(p.status()).type(PROBLEM_JSON + ";charset=UTF-8").entity(body(p)).build();
  }
}
