package jp.keieikaizen.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.Step;

/**
 * The request bodies of /api in the OpenAPI description, typed from the forms that declare them: each Camunda Form in
 * forms/ becomes a schema (its keys, their types, choices, limits and labels, the fields it always requires), the
 * applications take their start form, a task's completion the form of one of the {@link Step}s, and the case
 * actions their few fields. The controllers read bodies as maps (so that a wrong type is a 400 naming its field,
 * not a parse error); the description says what the forms say, and changes with them.
 */
@Component
class FormSchemas implements OpenApiCustomizer {

  static final String PREFIX = "Form_";

  private final ObjectMapper json;

  FormSchemas(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void customise(OpenAPI api) {
    Map<String, Schema<?>> forms = forms();
    forms.forEach((id, schema) -> api.getComponents().addSchemas(PREFIX + id, schema));
    List<Schema> taskForms = java.util.Arrays.stream(Step.values()).map(Step::form).sorted()
        .<Schema>map(FormSchemas::ref).toList();
    body(api, "/api/early-plan/applications", ref("submitApplication"), "早期経営改善計画策定支援の利用申請（フォーム submitApplication の項目）");
    body(api, "/api/405/applications", ref("submitApplication405"), "405事業の利用申請（フォーム submitApplication405 の項目）");
    body(api, "/api/subsidy/preview", new ComposedSchema().oneOf(List.of(ref("submitApplication"), ref("submitApplication405"))),
        "補助金の試算（利用申請と同じ項目。保存されません）");
    body(api, "/api/tasks/{taskId}/complete", new ComposedSchema().oneOf(taskForms),
        "タスクのフォームの項目（タスクの formKey／formRef のフォーム。例：decideApplication は decision と decisionComment）");
    body(api, "/api/cases/{caseNumber}/withdrawal", reason("取下げの理由"), "取下げ");
    body(api, "/api/cases/{caseNumber}/handover", reason("引継ぎの理由"), "引継ぎ（405事業）");
    body(api, "/api/cases/{caseNumber}/validity-extension", reason("延長の理由")
        .addProperty(CaseWorkflow.NEW_VALID_UNTIL, new StringSchema().format("date").description("延長後の期限（現在の期限と今日より後）"))
        .addRequiredItem(CaseWorkflow.NEW_VALID_UNTIL), "利用申請の有効期限の延長（405事業、協議会のコーディネーター）");
    body(api, "/api/tasks/{taskId}/comments", new ObjectSchema().addProperty("message",
        new StringSchema().maxLength(2000).description("コメント")).addRequiredItem("message"), "タスクへのコメント");
  }

  /** Every form in forms/ as a schema, by its id. */
  Map<String, Schema<?>> forms() {
    Map<String, Schema<?>> schemas = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = json.readTree(in);
          schemas.put(form.path("id").asText(), schema(form));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the forms could not be read for the API description", e);
    }
    return schemas;
  }

  private static Schema<?> schema(JsonNode form) {
    ObjectSchema schema = new ObjectSchema();
    schema.description("フォーム " + form.path("id").asText());
    List<String> required = new ArrayList<>();
    walk(form.path("components"), component -> {
      String key = component.path("key").asText(null);
      Schema<?> field = field(component);
      if (key == null || field == null) {
        return;
      }
      String label = component.path("label").asText(component.path("dateLabel").asText(""));
      boolean conditional = !component.path("conditional").path("hide").asText("").isBlank();
      boolean mandatory = component.path("validate").path("required").asBoolean(false);
      field.description(label + (mandatory && conditional ? "（表示されるときは必須）" : ""));
      schema.addProperty(key, field);
      if (mandatory && !conditional) {
        required.add(key);
      }
    });
    schema.required(required.isEmpty() ? null : required);
    return schema;
  }

  /** The schema of one input component, or null for what is not an input (text, groups). */
  private static Schema<?> field(JsonNode c) {
    JsonNode validate = c.path("validate");
    return switch (c.path("type").asText()) {
      case "number" -> {
        IntegerSchema number = new IntegerSchema();
        number.format("int64");
        if (validate.has("min")) {
          number.minimum(validate.path("min").decimalValue());
        }
        if (validate.has("max")) {
          number.maximum(validate.path("max").decimalValue());
        }
        yield number;
      }
      case "checkbox" -> new BooleanSchema();
      case "datetime" -> new StringSchema().format("date");
      case "radio", "select" -> {
        StringSchema choice = new StringSchema();
        c.path("values").forEach(v -> choice.addEnumItem(v.path("value").asText()));
        yield choice;
      }
      case "textfield", "textarea" -> {
        StringSchema text = new StringSchema();
        if (validate.has("maxLength")) {
          text.maxLength(validate.path("maxLength").asInt());
        }
        if (validate.has("pattern")) {
          text.pattern(validate.path("pattern").asText());
        }
        yield text;
      }
      case "checklist", "taglist" -> new ArraySchema().items(new StringSchema());
      default -> null;
    };
  }

  private static void walk(JsonNode components, Consumer<JsonNode> visit) {
    for (JsonNode c : components) {
      visit.accept(c);
      if (c.has("components")) {
        walk(c.path("components"), visit);
      }
    }
  }

  private static Schema<?> ref(String formId) {
    return new Schema<>().$ref("#/components/schemas/" + PREFIX + formId);
  }

  private static ObjectSchema reason(String what) {
    ObjectSchema body = new ObjectSchema();
    body.addProperty("reason", new StringSchema().maxLength(1000).description(what));
    body.addRequiredItem("reason");
    return body;
  }

  /** The operation's JSON body, when the path is described (a path the description leaves out is left alone). */
  private static void body(OpenAPI api, String path, Schema<?> schema, String description) {
    PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
    Operation post = item == null ? null : item.getPost();
    if (post == null) {
      return;
    }
    post.requestBody(new RequestBody().required(true).description(description)
        .content(new Content().addMediaType("application/json", new MediaType().schema(schema))));
  }
}
