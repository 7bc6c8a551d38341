package jp.keieikaizen.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role works from, created by {@link AccessSetup} and shared with the groups named by
 * their audience. Each query is written with the engine's expressions (the signed-in user and their groups), so one
 * filter serves all 47 councils or every agency: a coordinator of 東京 sees 東京's tasks, an agency its own.
 */
@Component
public class TasklistFilters {

  /** Who a filter is shared with. */
  public enum Audience {
    /** every signed-in user (a global grant): the filter only ever shows the user's own tasks */
    EVERYONE,
    /** each council's coordinators and supervisors */
    COUNCIL,
    /** each agency's group */
    AGENCY,
    /** the national managers (中小企業活性化全国本部) */
    NATIONAL
  }

  /** One filter: its Japanese name and description, its place in Tasklist's list, colour and query. */
  public record Definition(String name, String description, int priority, String color, Audience audience,
      UnaryOperator<TaskQuery> query) {
  }

  static final String MY_GROUPS = "${currentUserGroups()}";

  /** In the order Tasklist lists them (by priority). */
  public static final List<Definition> DEFINITIONS = List.of(
      new Definition("自協議会の未処理タスク", "自協議会に届いた、まだ誰も担当していないタスク（期限の近い順）", -20, "#1f6f43",
          Audience.COUNCIL, q -> q.taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned()),
      new Definition("自機関の対応待ち", "自機関が対応するタスク（担当者の有無を問わず、期限の近い順）", -20, "#1f4f8f",
          Audience.AGENCY, q -> q.taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()),
      new Definition("自分の担当", "自分が担当しているタスク（期限の近い順）", -10, "#5b3f8f", Audience.EVERYONE,
          q -> q.taskAssigneeExpression("${currentUser()}")),
      new Definition("期限超過", "期限を過ぎた、自分または自組織のタスク", 0, "#b3261e", Audience.EVERYONE,
          q -> q.taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks().dueBeforeExpression("${now()}")),
      new Definition("今週期限（7日以内）", "7日以内に期限が来る、自分または自組織のタスク", 10, "#b26a00", Audience.EVERYONE,
          q -> q.taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks().dueAfterExpression("${now()}")
              .dueBeforeExpression("${dateTime().plusDays(7).toDate()}")),
      new Definition("全国の未処理タスク", "全協議会の未完了タスク（全国本部用、閲覧のみ）", 20, "#555555", Audience.NATIONAL,
          q -> q));

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  /** Creates each filter that does not exist yet (by name, owned by no one) and updates the others; returns their ids. */
  public Map<Definition, String> ensure() {
    Map<Definition, String> ids = new LinkedHashMap<>();
    for (Definition definition : DEFINITIONS) {
      Filter filter = filters.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(definition.name());
      }
      TaskQuery query = definition.query().apply(tasks.createTaskQuery()).orderByDueDate().asc().orderByTaskCreateTime()
          .asc();
      filter.setQuery(query);
      filter.setProperties(properties(definition));
      ids.put(definition, filters.saveFilter(filter).getId());
    }
    return ids;
  }

  /** The filter's id, or null when it has not been created. */
  public String idOf(Audience audience) {
    return DEFINITIONS.stream().filter(d -> d.audience() == audience).findFirst()
        .map(d -> filters.createFilterQuery().filterName(d.name()).singleResult()).map(Filter::getId).orElse(null);
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of());
    return properties;
  }
}
