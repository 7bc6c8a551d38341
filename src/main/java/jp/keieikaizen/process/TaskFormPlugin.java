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
 * Adds the {@link TaskRoutingCheck}, the {@link TaskLabelListener} and {@link TaskNotifications} to the create event, {@link TaskNotifications} to
 * the assignment event and the {@link TaskFormListener} to the complete event of
 * every user task of the case models (not of other processes deployed to the same engine), once the engine has
 * parsed the whole process.
 */
@Component
class TaskFormPlugin extends AbstractProcessEnginePlugin {

  private final TaskFormListener listener;
  private final TaskLabelListener label;
  private final TaskNotifications notifications;
  private final TaskRoutingCheck routing;

  TaskFormPlugin(TaskFormListener listener, TaskLabelListener label, TaskNotifications notifications,
      TaskRoutingCheck routing) {
    this.routing = routing;
    this.listener = listener;
    this.label = label;
    this.notifications = notifications;
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
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, routing);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, label);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, notifications);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, notifications);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
      addTo(activity.getActivities());
    }
  }
}
