package jp.keieikaizen.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;

/**
 * On every user task's creation (added by {@link TaskFormPlugin}), before anyone is offered it: the groups the model
 * offers it to, computed from the instance's routing variables, must be those of the case record: its council's
 * coordinators or supervisors, its lead agency (or, for a claim, an agency that quoted for the case), and the task's
 * tenant the case's council. Fail closed: a task that disagrees with its case is not created (the step fails and shows
 * as an incident), so a changed variable never hands a case to another council or agency.
 */
@Component
class TaskRoutingCheck implements TaskListener {

  private static final Pattern AGENCY_GROUP = Pattern.compile("agency-(\\d+)");
  private static final java.util.Set<String> CLAIM_TASKS = java.util.Set.of(
      jp.keieikaizen.casefile.Step.FILE_CLAIM.key(), jp.keieikaizen.casefile.Step.CORRECT_CLAIM.key());

  private final CaseFileService cases;

  TaskRoutingCheck(CaseFileService cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey == null) {
      throw new IllegalStateException("task " + task.getTaskDefinitionKey() + " of an instance without a case number");
    }
    CaseFile file = cases.get(new CaseNumber(businessKey));
    if (!file.councilCode().equals(task.getTenantId())) {
      throw disagreement("task " + task.getTaskDefinitionKey() + " of case " + businessKey + " in tenant "
          + task.getTenantId() + ", but the case belongs to council " + file.councilCode());
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && !agrees(link.getGroupId(), file, task.getTaskDefinitionKey())) {
        throw disagreement("task " + task.getTaskDefinitionKey() + " of case " + businessKey
            + " offered to " + link.getGroupId() + ", which the case record does not route it to");
      }
    }
  }

  /** A 409 to the user whose step it follows (an incident in a job): nothing is written, an administrator must look. */
  private static RuntimeException disagreement(String detail) {
    org.slf4j.LoggerFactory.getLogger(TaskRoutingCheck.class).error("Routing refused: {}", detail);
    return new jp.keieikaizen.common.ConflictException("次のタスクの担当が案件の記録と一致しないため、処理を止めました。"
        + "管理者に連絡してください（" + detail + "）");
  }

  private static boolean agrees(String group, CaseFile file, String taskKey) {
    Matcher council = jp.keieikaizen.security.Groups.COUNCIL_STAFF.matcher(group);
    if (council.matches()) {
      return council.group(1).equals(file.councilCode());
    }
    Matcher agency = AGENCY_GROUP.matcher(group);
    if (agency.matches()) {
      Long id = Long.valueOf(agency.group(1));
      return CLAIM_TASKS.contains(taskKey) ? file.involves(id) : id.equals(file.leadAgencyId());
    }
    return false;
  }
}
