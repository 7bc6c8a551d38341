package jp.keieikaizen.security;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;

/**
 * Demo profile only (on by default with the embedded database): a 東京 coordinator and supervisor, an agency user,
 * a national manager and an administrator (each with an e-mail address), and one sample application; the Tasklist
 * filters are every installation's (TasklistFilters). Idempotent.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "Demo-pass-2026";
  static final String AGENCY_CODE = "108413000101";
  static final String TOKYO = "13";

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final AgencyService agencies;
  private final AccessSetup access;
  private final CaseWorkflow workflow;

  DemoData(IdentityService identity, AgencyService agencies,
      AccessSetup access, CaseWorkflow workflow) {
    this.identity = identity;
    this.agencies = agencies;
    this.access = access;
    this.workflow = workflow;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId("tokyo-coordinator").count() > 0) {
      return;
    }
    Agency agency = access.registerAgency(new FormValues(Map.of("agencyCode", AGENCY_CODE, "name", "デモ税理士法人",
        "kind", "TAX_ACCOUNTANT", "email", "agency@example.jp", "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31")));
    user("tokyo-coordinator", "東京", "コーディネーター", Groups.coordinator(TOKYO));
    user("tokyo-supervisor", "東京", "統括責任者", Groups.supervisor(TOKYO));
    user("agency-demo", "デモ税理士法人", "担当者", Groups.agency(agency.id()));
    user("national-manager", "全国本部", "マネージャー", Groups.NATIONAL_MANAGER);
    user("admin", "システム", "管理者", Groups.ADMIN);
    agencies.linkUser("agency-demo", agency.id());
    var sample = workflow.submitApplication(Programme.EARLY_PLAN, sampleApplication(), "agency-demo");
    LOG.info("demo data ready: users tokyo-coordinator, tokyo-supervisor, agency-demo, national-manager, admin (password {}); sample case {}",
        PASSWORD, sample);
  }

  static Map<String, Object> sampleApplication() {
    Map<String, Object> v = new HashMap<>();
    v.put("councilCode", TOKYO);
    v.put("agencyCode", AGENCY_CODE);
    v.put("applicationDate", LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString());
    v.put("companyName", "株式会社デモ製作所");
    v.put("corporateNumber", "9234567890123");
    v.put("entityType", "STOCK_COMPANY");
    v.put("industry", "MANUFACTURING");
    v.put("capitalYen", 30_000_000L);
    v.put("employees", 45L);
    v.put("fiscalYearEndMonth", 3L);
    v.put("postalCode", "100-0005");
    v.put("address", "東京都千代田区丸の内3-2-2");
    v.put("representative", "山田 太郎");
    v.put("mainLenderName", "デモ信用金庫");
    v.put("mainLenderKind", "SHINKIN");
    v.put("planFeeGross", 225_000L);
    v.put("planFeeTax", 20_454L);
    v.put("interimMonitoring", true);
    v.put("interimFeeGross", 60_000L);
    v.put("interimFeeTax", 5_454L);
    v.put("finalFeeGross", 75_000L);
    v.put("finalFeeTax", 6_818L);
    v.put("monitoringIntervalMonths", 6L);
    return v;
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(PASSWORD);
      user.setEmail(id + "@example.jp");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }
}
