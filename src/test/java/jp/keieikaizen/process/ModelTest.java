package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The model conventions of STYLE.md C7, checked on every .bpmn in processes/ and every .form in forms/. */
class ModelTest {

  static final Pattern DELEGATE = Pattern.compile("\\$\\{(\\w+Delegate)}");

  static Stream<Path> models() throws Exception {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn"));
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyProcessIsExecutableWithHistoryTimeToLive(Path path) {
    for (Process process : read(path).getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable()).as(process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      assertThat(process.getName()).as(process.getId()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyUserTaskHasItsFormACandidateGroupAndADueDate(Path path) throws Exception {
    for (UserTask task : read(path).getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(task.getId());
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
      assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
      assertThat(task.getName()).as(task.getId()).isNotBlank();
      assertFormExists(task.getId());
    }
    for (StartEvent start : read(path).getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertFormExists(start.getCamundaFormRef());
      }
    }
  }

  /**
   * The steps are the user tasks (docs/adr/0009): every user task of processes/ is declared as a {@link
   * jp.keieikaizen.casefile.Step} whose form is the task's formRef, every step is a user task, and the constants of
   * {@link CaseProcess.Tasks} that name user tasks name the same ids.
   */
  @Test
  void everyUserTaskIsDeclaredAsAStepWithItsForm() throws Exception {
    java.util.Map<String, String> formOfTask = new java.util.HashMap<>();
    try (Stream<Path> paths = models()) {
      paths.forEach(path -> read(path).getModelElementsByType(UserTask.class)
          .forEach(task -> formOfTask.put(task.getId(), task.getCamundaFormRef())));
    }
    assertThat(Stream.of(jp.keieikaizen.casefile.Step.values()).map(jp.keieikaizen.casefile.Step::key))
        .containsExactlyInAnyOrderElementsOf(formOfTask.keySet());
    for (jp.keieikaizen.casefile.Step step : jp.keieikaizen.casefile.Step.values()) {
      assertThat(step.form()).as(step.name()).isEqualTo(formOfTask.get(step.key()));
      assertFormExists(step.form());
    }
    for (java.lang.reflect.Field constant : CaseProcess.Tasks.class.getFields()) {
      String id = (String) constant.get(null);
      if (formOfTask.containsKey(id)) {
        assertThat(jp.keieikaizen.casefile.Step.valueOf(constant.getName()).key()).as(constant.getName()).isEqualTo(id);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyServiceTaskCallsAnExistingDelegate(Path path) throws Exception {
    for (ServiceTask task : read(path).getModelElementsByType(ServiceTask.class)) {
      Matcher m = DELEGATE.matcher(String.valueOf(task.getCamundaDelegateExpression()));
      assertThat(m.matches()).as(task.getId() + " uses ${...Delegate}").isTrue();
      String className = Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1);
      assertThat(JavaDelegate.class.isAssignableFrom(Class.forName("jp.keieikaizen.process." + className)))
          .as(className).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyGatewayBranchIsNamedAndConditionedUnlessDefault(Path path) {
    for (ExclusiveGateway gateway : read(path).getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> out = gateway.getOutgoing();
      if (out.size() < 2) {
        continue;
      }
      assertThat(gateway.getName()).as(gateway.getId()).isNotBlank();
      for (SequenceFlow flow : out) {
        assertThat(flow.getName()).as(flow.getId()).isNotBlank();
        if (flow != gateway.getDefault()) {
          assertThat(flow.getConditionExpression()).as(flow.getId()).isNotNull();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyElementIsDrawn(Path path) {
    BpmnModelInstance model = read(path);
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
        model.getModelElementsByType(SequenceFlow.class).stream())
        .map(BaseElement::getId).forEach(id -> assertThat(drawn).as("diagram of " + path).contains(id));
  }

  @Test
  void everyFormIsUsedByAModel() throws Exception {
    Set<String> used = new HashSet<>();
    for (Path path : models().toList()) {
      read(path).getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
      read(path).getModelElementsByType(StartEvent.class).forEach(s -> used.add(s.getCamundaFormRef()));
    }
    List<String> forms = Files.list(Path.of("forms")).map(p -> p.getFileName().toString().replace(".form", "")).toList();
    assertThat(forms).isNotEmpty();
    assertThat(used).containsAll(forms);
  }

  private static void assertFormExists(String formId) throws Exception {
    File file = new File("forms/" + formId + ".form");
    assertThat(file).as("form for " + formId).exists();
    assertThat(new ObjectMapper().readTree(file).path("id").asText()).isEqualTo(formId);
  }

  private static BpmnModelInstance read(Path path) {
    return Bpmn.readModelFromFile(path.toFile());
  }
}
