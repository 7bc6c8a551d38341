package jp.keieikaizen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.council.CouncilService;

/** The words the pages print for the codes of events, groups, claims and rounds (#14: no codes on Japanese pages). */
class LabelsTest {

  private final CouncilService councils = mock(CouncilService.class);
  private final Labels labels = new Labels(councils, mock(AgencyService.class), null);

  @Test
  void everyRecordedEventReadsInJapanese() {
    assertThat(List.of("APPLIED", "DOCUMENT_ADDED", "DECISION_RETURN", "CLAIM_RETURN_PLAN", "CLAIM_FILED_FINAL_MONITORING",
        "PAID_MONITORING", "COMPANY_SHARE_PLAN", "LENDER_REFUSAL", "WITHDRAWN", "TAKEN_OVER", "MONITORING_ACCEPT")
        .stream().map(labels::event).toList()).containsExactly("利用申請", "書類の登録", "利用申請の決定：差戻し（補正依頼）",
            "支払申請の審査：差戻し（計画策定支援費用）", "支払申請（伴走支援費用（期末））", "補助金の支払（伴走支援費用）",
            "事業者負担分の支払（計画策定支援費用）", "金融機関の回答：不同意", "案件の終了：取下げ", "案件の終了：引継ぎ",
            "伴走支援の報告の確認：確認済み");
    assertThat(labels.event("SOMETHING_NEW")).as("an unknown code stays visible, not hidden").isEqualTo("SOMETHING_NEW");
    assertThat(labels.claimStatus("PAID")).isEqualTo("支払済み");
    assertThat(labels.roundKind("INTERIM")).isEqualTo("伴走支援（期中）");
    assertThat(labels.reviewOutcome("RETURN")).isEqualTo("差戻し");
  }

  @Test
  void groupsReadAsThePeopleTheyMean() {
    when(councils.find("13")).thenReturn(Optional.empty());
    assertThat(labels.group("council-13-supervisor")).isEqualTo("13 統括責任者");
    assertThat(labels.group("national-manager")).isEqualTo("全国本部");
    assertThat(labels.group("agency-x")).isEqualTo("agency-x");
  }
}
