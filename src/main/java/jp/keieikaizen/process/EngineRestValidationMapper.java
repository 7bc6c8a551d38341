package jp.keieikaizen.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;

/**
 * How the engine's REST resources answer a refusal, on /engine-rest and on the webapps' engine API that Tasklist and
 * Cockpit call (registered there by {@link WebappEngineApi}): our validation refusal 400 with the fields, a missing
 * permission 403, an id the caller may not see (another council's tenant) 404 exactly like an unknown id, a password
 * the policy refuses 400, a concurrent change 409; all as problem+json ({@link EngineProblems}), never 500 for a
 * refusal. Anything else is left to Camunda's own handler.
 */
@Component
class EngineRestValidationMapper implements ResourceConfigCustomizer {

  /** The mappers, for every JAX-RS application that serves the engine's resources. */
  static final Set<Class<?>> MAPPERS = Set.of(Mapper.class, EngineMapper.class, ForbiddenMapper.class);

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    MAPPERS.forEach(config::register);
  }

  /** The refusal behind an exception, or null when it is not one. */
  static EngineProblems.Problem refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ForbiddenException forbidden) {
        return EngineProblems.forbidden(forbidden.getMessage());
      }
      if (t instanceof jp.keieikaizen.common.ConflictException conflict) {
        return EngineProblems.conflict(conflict.getMessage());
      }
      if (t instanceof AuthorizationException) {
        return EngineProblems.forbidden("この操作を行う権限がありません");
      }
    }
    InvalidInputException invalid = FormErrors.find(e);
    if (invalid != null) {
      return EngineProblems.invalid(invalid.problems());
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("belongs to no authenticated tenant") || t instanceof NotFoundException
          || (t instanceof NullValueException && m.matches("(?s).*(?i:cannot find|not found|doesn't exist).*"))) {
        return EngineProblems.notFound();
      }
    }
    if (e instanceof RestException rest && rest.getStatus() == Response.Status.NOT_FOUND) {
      return EngineProblems.notFound();
    }
    if (message.contains("Password does not match policy")) {
      return EngineProblems.invalid(List.of(new FieldProblem("password",
          "パスワードは10文字以上で、大文字・小文字・数字・記号を含み、ユーザーIDや氏名を含まないものにしてください")));
    }
    if (CamundaCaseWorkflow.isConcurrentChange(e)) {
      return EngineProblems.conflict(CamundaCaseWorkflow.CONCURRENT_CHANGE);
    }
    return null;
  }

  /** Our own refusal (e.g. a coordinator starting a case for another council) thrown through the engine: 403. */
  @Priority(1000)
  public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
      return EngineProblems.response(EngineProblems.forbidden(e.getMessage()));
    }
  }

  /** Our answer for a refusal; anything else goes to Camunda's own handler. */
  abstract static class RefusalMapper<E extends Throwable> implements ExceptionMapper<E> {

    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(E e) {
      EngineProblems.Problem problem = refusal(e);
      return problem == null ? camunda.toResponse(e) : EngineProblems.response(problem);
    }
  }

  /** What the engine's resources wrap in a RestException (most commands). */
  @Priority(1000) // before Camunda's handlers (default priority 5000) for the same exception type
  public static class Mapper extends RefusalMapper<RestException> implements ExceptionMapper<RestException> {
  }

  /** What reaches the resource layer unwrapped (claims, variables, identity, …). */
  @Priority(1000)
  public static class EngineMapper extends RefusalMapper<ProcessEngineException>
      implements ExceptionMapper<ProcessEngineException> {
  }
}
