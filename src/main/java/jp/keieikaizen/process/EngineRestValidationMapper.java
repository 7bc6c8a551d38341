package jp.keieikaizen.process;

import java.util.Map;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;

/**
 * Tasklist submits forms through the engine's REST API (/engine-rest, /camunda/api/engine). When our server-side
 * validation refuses a submission, the engine wraps it in a 500; this mapper answers 400 with the message Tasklist
 * shows and the bad fields, and leaves every other error to Camunda's own handler.
 */
@Component
class EngineRestValidationMapper implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
    config.register(ForbiddenMapper.class);
  }

  static Response forbidden(ForbiddenException e) {
    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "AuthorizationException", "message", e.getMessage())).build();
  }

  /** Our own refusal (e.g. a coordinator starting a case for another council) thrown through the engine: 403. */
  @Priority(1000)
  public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
      return forbidden(e);
    }
  }

  @Priority(1000) // before Camunda's RestExceptionHandler (default priority 5000) for the same exception type
  public static class Mapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ForbiddenException forbidden) {
          return forbidden(forbidden);
        }
      }
      InvalidInputException invalid = FormErrors.find(e);
      if (invalid == null) {
        return camunda.toResponse(e);
      }
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidInputException", "message", "入力内容に誤りがあります：" + invalid.getMessage(),
              "errors", invalid.problems().stream().map(p -> Map.of("field", p.field(), "rule", p.rule())).toList()))
          .build();
    }
  }
}
