package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.subsidy.ClaimService;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/**
 * At the end of a monitoring claim's validity period: a claim filed in time goes on; one never filed lapses, which the
 * case's timeline records (no subsidy is paid for it) before the call activity ends.
 */
@Component
class LapseUnfiledClaimDelegate implements JavaDelegate {

  private final ClaimService claims;
  private final CaseFileService cases;

  LapseUnfiledClaimDelegate(ClaimService claims, CaseFileService cases) {
    this.claims = claims;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseNumber number = new CaseNumber(execution.getProcessBusinessKey());
    ClaimRef ref = CaseVariables.claim(execution);
    boolean filed = claims.isFiled(number, ref);
    if (!filed) {
      cases.recordEvent(number, "CLAIM_LAPSED_" + ref.category(), null,
          ref.category().label() + "（第" + ref.claimNo() + "回）の支払申請は申請期限までに提出されず失効しました");
    }
    CaseVariables.CLAIM_FILED.set(execution, filed);
  }
}
