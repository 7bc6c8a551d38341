package jp.keieikaizen.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link TaskFormListener} to the complete event of every user task of the case models (not of other
 * processes deployed to the same engine), once the engine has parsed the whole process.
 */
@Component
class TaskFormPlugin extends AbstractProcessEnginePlugin {

  private final TaskFormListener listener;

  TaskFormPlugin(TaskFormListener listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (CaseProcess.KEYS.contains(processDefinition.getKey())) {
          addTo(processDefinition.getActivities());
        }
      }
    });
  }

  private void addTo(List<ActivityImpl> activities) {
    for (ActivityImpl activity : activities) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
      addTo(activity.getActivities());
    }
  }
}
