package jp.keieikaizen.security;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.NotFoundException;

/**
 * Who may see and do what with a case, the same rules the engine's tenants and authorizations hold for Tasklist and
 * /engine-rest:
 * <ul>
 * <li>council coordinators and supervisors: the cases of their council;</li>
 * <li>an agency's users: the cases their agency leads or quoted for;</li>
 * <li>national managers: every case, read only; administrators: everything.</li>
 * </ul>
 * A case the caller may not see is answered exactly like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class CaseAccess {

  private final CaseFileService cases;

  CaseAccess(CaseFileService cases) {
    this.cases = cases;
  }

  public boolean canSee(Caller caller, CaseFile file) {
    return caller.national() || caller.staffOf(file.councilCode()) || file.involves(caller.agencyId());
  }

  /** The case if the caller may see it; otherwise the same 404 as for an unknown case number. */
  public CaseFile visible(Caller caller, CaseNumber number) {
    CaseFile file;
    try {
      file = cases.get(number);
    } catch (NotFoundException e) {
      throw unknown(number);
    }
    if (!canSee(caller, file)) {
      throw unknown(number);
    }
    return file;
  }

  /**
   * Work on a visible case outside a task (documents, withdrawal): its council's coordinators and supervisors, the
   * agencies taking part, administrators. National managers only read.
   */
  public CaseFile workable(Caller caller, CaseNumber number) {
    CaseFile file = visible(caller, number);
    if (!caller.admin() && !caller.staffOf(file.councilCode()) && !file.involves(caller.agencyId())) {
      throw new ForbiddenException("この案件を変更する権限がありません");
    }
    return file;
  }

  /** Decisions only the council takes (handover to its own support): its coordinators and administrators. */
  public CaseFile councilDecision(Caller caller, CaseNumber number) {
    CaseFile file = visible(caller, number);
    if (!caller.admin() && !caller.coordinatorOf().contains(file.councilCode())) {
      throw new ForbiddenException("協議会のコーディネーターだけが行えます");
    }
    return file;
  }

  /**
   * Who may register an application for a council: its coordinators (a paper application), any agency (as the lead,
   * which registration checks), administrators. Supervisors and national managers do not apply.
   */
  public void requireMayStart(Caller caller, String councilCode) {
    if (caller.admin() || caller.isAgency() || (councilCode != null && caller.coordinatorOf().contains(councilCode))) {
      return;
    }
    throw new ForbiddenException(caller.coordinatorOf().isEmpty() ? "利用申請を登録する権限がありません"
        : "他の協議会の案件は登録できません");
  }

  /** The councils whose figures the caller reads (null: all); agencies read none. */
  public Set<String> figuresScope(Caller caller) {
    if (caller.national()) {
      return null;
    }
    if (caller.councilsStaffed().isEmpty()) {
      throw new ForbiddenException("集計を見る権限がありません");
    }
    return caller.councilsStaffed();
  }

  /** The case list's scope: councils (null: all) and the agency whose cases only are listed (null: no such limit). */
  public Scope listScope(Caller caller) {
    if (caller.national()) {
      return new Scope(null, null);
    }
    if (caller.isAgency()) {
      return new Scope(null, caller.agencyId());
    }
    return new Scope(caller.councilsStaffed(), null);
  }

  public record Scope(Set<String> councils, Long agencyId) {
  }

  private static NotFoundException unknown(CaseNumber number) {
    return new NotFoundException("案件 " + number + " はありません");
  }
}
