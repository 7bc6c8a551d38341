package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.security.Groups;

/**
 * The candidate groups of the models' user tasks ({@code ${caseRoutes.coordinators(execution)}} and the like), read
 * from the case record of the instance's business key: its council's coordinators or supervisors, its lead agency. No
 * variable routes a case, so none is copied into each called instance, and none changed behind the application's back
 * can hand a case to another council or agency. The record is the one {@link TaskRoutingCheck} reads next, from the
 * same persistence context. Fail closed: an instance without a case number offers its task to nobody; it fails.
 */
@Component("caseRoutes")
public class CaseRoutes {

  private final CaseFileService cases;

  CaseRoutes(CaseFileService cases) {
    this.cases = cases;
  }

  public String coordinators(DelegateExecution execution) {
    return Groups.coordinator(caseOf(execution).councilCode());
  }

  public String supervisors(DelegateExecution execution) {
    return Groups.supervisor(caseOf(execution).councilCode());
  }

  public String leadAgency(DelegateExecution execution) {
    return Groups.agency(caseOf(execution).leadAgencyId());
  }

  private CaseFile caseOf(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      throw new IllegalStateException("a task of instance " + execution.getProcessInstanceId()
          + " without a case number: it is offered to nobody");
    }
    return cases.get(new CaseNumber(businessKey));
  }
}
