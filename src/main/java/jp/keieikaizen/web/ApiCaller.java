package jp.keieikaizen.web;

import java.security.Principal;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.NotFoundException;
import jp.keieikaizen.security.CaseAccess;
import jp.keieikaizen.security.Caller;
import jp.keieikaizen.security.Callers;

/** The authenticated caller of an /api request, and the case checks every controller makes before it acts. */
@Component
class ApiCaller {

  private final Callers callers;
  private final CaseAccess access;
  private final CaseWorkflow workflow;

  ApiCaller(Callers callers, CaseAccess access, CaseWorkflow workflow) {
    this.callers = callers;
    this.access = access;
    this.workflow = workflow;
  }

  Caller of(Principal principal) {
    if (principal == null) {
      throw new AuthenticationCredentialsNotFoundException("not authenticated");
    }
    return callers.of(principal.getName());
  }

  /** A case the caller may see (404 otherwise, as for an unknown one). */
  CaseNumber visible(String caseNumber, Principal principal) {
    CaseNumber number = parse(caseNumber);
    access.visible(of(principal), number);
    return number;
  }

  /** A case the caller may change outside a task (403 for read-only callers, 404 for one they may not see). */
  CaseNumber workable(String caseNumber, Principal principal) {
    CaseNumber number = parse(caseNumber);
    access.workable(of(principal), number);
    return number;
  }

  /**
   * The case of a task the caller may see. A task that is unknown, completed or of a case they may not see is the
   * same 404 to them; whether they may work it is the engine's decision.
   */
  CaseNumber visibleTask(String taskId, Principal principal) {
    Caller caller = of(principal);
    if (taskId == null || taskId.length() > 64) {
      throw unknownTask(taskId);
    }
    CaseNumber number = workflow.caseOfTask(taskId).orElseThrow(() -> unknownTask(taskId));
    try {
      access.visible(caller, number);
    } catch (NotFoundException e) {
      throw unknownTask(taskId);
    }
    return number;
  }

  /**
   * The case of a task the caller may see (404 otherwise, as for an unknown task) and act on: national managers only
   * read (403). Whether the caller may work the task itself is the engine's decision.
   */
  CaseNumber workableTask(String taskId, Principal principal) {
    CaseNumber number = visibleTask(taskId, principal);
    Caller caller = of(principal);
    if (caller.manager() && !caller.admin()) {
      throw new ForbiddenException("全国本部は閲覧のみです");
    }
    return number;
  }

  /**
   * Starts a case from an application, for a caller who may apply to that council (403 otherwise); the values are
   * validated on the way in (400 per field).
   */
  CaseNumber startCase(jp.keieikaizen.casefile.Programme programme, java.util.Map<String, Object> application,
      Principal principal) {
    Object council = application.get("councilCode");
    access.requireMayStart(of(principal), council instanceof String s ? s : null);
    return workflow.submitApplication(programme, application, principal.getName());
  }

  /** The open task of a case the caller may see; an unknown or finished one answers as unknown (404). */
  jp.keieikaizen.casefile.OpenTask openTask(CaseNumber number, String taskId) {
    return workflow.openTasks(number).stream().filter(t -> t.id().equals(taskId)).findFirst()
        .orElseThrow(() -> unknownTask(taskId));
  }

  static NotFoundException unknownTask(String taskId) {
    return new NotFoundException("タスク " + taskId + " はありません（完了済みの可能性があります）");
  }

  /** A decision only the case's council takes. */
  CaseNumber councilDecision(String caseNumber, Principal principal) {
    CaseNumber number = parse(caseNumber);
    access.councilDecision(of(principal), number);
    return number;
  }

  CaseAccess access() {
    return access;
  }

  static CaseNumber parse(String caseNumber) {
    try {
      return new CaseNumber(caseNumber);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("案件 " + caseNumber + " はありません");
    }
  }
}
