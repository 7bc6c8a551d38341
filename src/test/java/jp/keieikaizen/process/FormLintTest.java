package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The form lint of the quality gate: every Camunda Form in forms/ is a Camunda 7.24 form in Japanese that tells its
 * user what is required and in what shape, before the server refuses it. The rules, each reported per form and field:
 * <ul>
 * <li>the form's id is its file name and it targets Camunda Platform 7.24</li>
 * <li>ids and keys are unique; every field has a Japanese label; every option of a radio or select has one</li>
 * <li>yen amounts are whole numbers of at least 0 shown with the suffix 円</li>
 * <li>法人番号, postal code, phone and agency code carry a pattern and a description of the shape</li>
 * <li>free text has a maximum length; dates are date pickers</li>
 * </ul>
 * The field names themselves are checked against the server's handlers in EarlyPlanLifecycleIT.
 */
public class FormLintTest {

  static final Path FORMS = Path.of("forms");
  static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
  static final Pattern YEN = Pattern.compile(".*(Yen|Gross|Tax|Amount)$");
  static final Map<String, String> PATTERNED = Map.of("corporateNumber", "13", "postalCode", "〒", "phone", "電話",
      "agencyCode", "認定", "agency2Code", "認定", "agency3Code", "認定");
  static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox", "radio", "select",
      "checklist", "taglist");

  @Test
  void everyFormFollowsTheFormRules() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(FORMS)) {
      files = list.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    for (Path file : files) {
      lint(file, problem -> problems.add(file.getFileName() + ": " + problem));
    }
    assertThat(problems).as("form lint").isEmpty();
  }

  @Test
  void theLintFindsWhatItLooksFor() {
    List<String> problems = new ArrayList<>();
    JsonNode bad = read("""
        {"id": "other", "executionPlatform": "Camunda Cloud", "executionPlatformVersion": "8.5", "components": [
          {"id": "a", "type": "number", "key": "planFeeGross", "label": "Fee"},
          {"id": "a", "type": "textfield", "key": "corporateNumber", "label": "法人番号"},
          {"id": "c", "type": "textarea", "key": "note", "label": "メモ"},
          {"id": "d", "type": "radio", "key": "note", "label": "選択", "values": [{"label": "Yes", "value": "Y"}]}]}""");
    lint("bad", bad, problems::add);
    assertThat(String.join("\n", problems)).contains("id 'other' is not the file name", "not a Camunda Platform 7.24",
        "duplicate id a", "duplicate key note", "planFeeGross: label 'Fee' is not Japanese",
        "planFeeGross: a yen amount needs a min of 0 or more", "planFeeGross: a yen amount is shown in whole 円",
        "corporateNumber: needs a pattern", "note: free text needs a maxLength", "note: option 'Yes' is not Japanese");
  }

  /** The keys of a form's input fields (what it submits). */
  public static Set<String> keys(String formId) {
    Set<String> keys = new LinkedHashSet<>();
    walk(read(FORMS.resolve(formId + ".form")).path("components"), c -> {
      if (INPUTS.contains(c.path("type").asText()) && c.hasNonNull("key")) {
        keys.add(c.path("key").asText());
      }
    });
    return keys;
  }

  private static void lint(Path file, Consumer<String> problem) {
    lint(file.getFileName().toString().replace(".form", ""), read(file), problem);
  }

  private static void lint(String name, JsonNode form, Consumer<String> problem) {
    if (!name.equals(form.path("id").asText())) {
      problem.accept("id '" + form.path("id").asText() + "' is not the file name");
    }
    if (!"Camunda Platform".equals(form.path("executionPlatform").asText())
        || !form.path("executionPlatformVersion").asText().startsWith("7.24")) {
      problem.accept("not a Camunda Platform 7.24 form");
    }
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    walk(form.path("components"), c -> {
      String id = c.path("id").asText();
      if (!ids.add(id)) {
        problem.accept("duplicate id " + id);
      }
      String type = c.path("type").asText();
      if (!INPUTS.contains(type)) {
        return;
      }
      String key = c.path("key").asText();
      if (!keys.add(key)) {
        problem.accept("duplicate key " + key);
      }
      String label = c.path("label").asText();
      JsonNode validate = c.path("validate");
      if (!JAPANESE.matcher(label).find()) {
        problem.accept(key + ": label '" + label + "' is not Japanese");
      }
      for (JsonNode option : c.path("values")) {
        if (!JAPANESE.matcher(option.path("label").asText()).find()) {
          problem.accept(key + ": option '" + option.path("label").asText() + "' is not Japanese");
        }
      }
      if ("number".equals(type) && YEN.matcher(key).matches()) {
        if (!validate.has("min") || validate.path("min").asLong(-1) < 0) {
          problem.accept(key + ": a yen amount needs a min of 0 or more");
        }
        if (!"円".equals(c.path("appearance").path("suffixAdorner").asText()) || c.path("decimalDigits").asInt(-1) != 0) {
          problem.accept(key + ": a yen amount is shown in whole 円 (suffixAdorner 円, decimalDigits 0)");
        }
      }
      if (PATTERNED.containsKey(key)) {
        if (!validate.hasNonNull("pattern")) {
          problem.accept(key + ": needs a pattern");
        }
        if (!c.hasNonNull("description")) {
          problem.accept(key + ": needs a description of its shape");
        }
      }
      if (("textfield".equals(type) || "textarea".equals(type)) && !validate.has("maxLength")) {
        problem.accept(key + ": free text needs a maxLength");
      }
      if ("datetime".equals(type) && !"date".equals(c.path("subtype").asText())) {
        problem.accept(key + ": dates are date pickers (subtype date)");
      }
    });
  }

  private static void walk(JsonNode components, Consumer<JsonNode> visit) {
    for (JsonNode component : components) {
      visit.accept(component);
      walk(component.path("components"), visit);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
