package jp.keieikaizen.process;

import org.springframework.stereotype.Component;

import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.intake.RegisteredCase;
import jp.keieikaizen.security.CaseAccess;
import jp.keieikaizen.security.Caller;
import jp.keieikaizen.security.Callers;

/**
 * Who may start a case, checked inside the engine so it holds for every entry point (the API, Tasklist's start form,
 * /engine-rest): a coordinator only for their own council, an agency only as the lead agency; supervisors and national
 * managers not at all. A start without a user (internal) is not restricted.
 */
@Component
class StartPermission {

  private final Callers callers;
  private final CaseAccess access;

  StartPermission(Callers callers, CaseAccess access) {
    this.callers = callers;
    this.access = access;
  }

  void check(String initiator, Object councilCode) {
    if (initiator != null) {
      access.requireMayStart(callers.of(initiator), councilCode instanceof String s ? s : null);
    }
  }

  /**
   * After registration: the instance's tenant is the registered case's council (fail closed, whoever starts it), and
   * an agency applies only as the lead agency.
   */
  void checkRegistered(String initiator, String tenantId, RegisteredCase registered) {
    if (!registered.councilCode().equals(tenantId)) {
      throw InvalidInputException.of(CaseVariables.COUNCIL_CODE.name(), CouncilTenantPlugin.UNRESOLVED);
    }
    if (initiator == null) {
      return;
    }
    Caller caller = callers.of(initiator);
    if (caller.isAgency() && !caller.agencyId().equals(registered.leadAgencyId())) {
      throw InvalidInputException.of("agencyCode", "ログイン中の認定支援機関のIDを入力してください");
    }
  }
}
