package jp.keieikaizen.intake;

import static jp.keieikaizen.intake.ApplicationFields.*;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;

/**
 * The quotes of an application and the choices that go with them: the lead agency's fee per cost category, further
 * agencies' fees (405), the 期中 choice (early plan), the monitoring interval and claims, the guarantee add-on.
 */
record Quote(Map<CostCategory, Money> leadFees, Map<String, Map<CostCategory, Money>> otherAgencyFees, boolean interim,
    int intervalMonths, boolean guaranteeNegotiation, String monitoringClaims) {

  static final long MAX_FEE_YEN = 100_000_000L;

  enum MonitoringClaims { YEARLY, AT_END }

  /** Reads the quote fields of a programme; problems are collected in the form. Null when a field was bad. */
  static Quote read(Programme programme, FormValues form) {
    Map<CostCategory, Money> lead = new EnumMap<>(CostCategory.class);
    boolean interim = programme == Programme.EARLY_PLAN && form.flag(INTERIM_MONITORING);
    boolean guarantee = form.flag(GUARANTEE_NEGOTIATION);
    if (programme == Programme.PLAN_405_GL) {
      put(lead, CostCategory.DUE_DILIGENCE, money(form, DD_FEE_GROSS, DD_FEE_TAX));
    }
    put(lead, CostCategory.PLAN, money(form, PLAN_FEE_GROSS, PLAN_FEE_TAX, 1)); // the plan is what the programme pays for
    if (programme == Programme.EARLY_PLAN) {
      put(lead, CostCategory.FINAL_MONITORING, money(form, FINAL_FEE_GROSS, FINAL_FEE_TAX));
      if (interim) {
        put(lead, CostCategory.INTERIM_MONITORING, money(form, INTERIM_FEE_GROSS, INTERIM_FEE_TAX));
      }
    } else {
      put(lead, CostCategory.MONITORING, money(form, MONITORING_FEE_GROSS, MONITORING_FEE_TAX));
    }
    if (guarantee) {
      put(lead, CostCategory.GUARANTEE_NEGOTIATION, money(form, GUARANTEE_FEE_GROSS, GUARANTEE_FEE_TAX));
    } else { // not quoted, so not read; a value sent anyway must still be an amount (true or a list is refused)
      form.optionalLong(GUARANTEE_FEE_GROSS, 0, MAX_FEE_YEN);
      form.optionalLong(GUARANTEE_FEE_TAX, 0, MAX_FEE_YEN);
    }
    if (programme == Programme.EARLY_PLAN && !interim) {
      form.optionalLong(INTERIM_FEE_GROSS, 0, MAX_FEE_YEN);
      form.optionalLong(INTERIM_FEE_TAX, 0, MAX_FEE_YEN);
    }
    Integer interval = form.requiredInt(MONITORING_INTERVAL_MONTHS, 1, 12);
    MonitoringClaims claims = programme == Programme.EARLY_PLAN ? null : form.requiredEnum(MONITORING_CLAIMS, MonitoringClaims.class);
    Map<String, Map<CostCategory, Money>> others = programme == Programme.EARLY_PLAN ? Map.of() : otherAgencies(form);
    if (form.hasProblems() || interval == null) {
      return null;
    }
    return new Quote(lead, others, interim, interval, guarantee, claims == null ? null : claims.name());
  }

  private static Map<String, Map<CostCategory, Money>> otherAgencies(FormValues form) {
    Map<String, Map<CostCategory, Money>> others = new LinkedHashMap<>();
    for (int n = 2; n <= MAX_AGENCIES; n++) {
      String code = form.optionalPattern(agencyCode(n), jp.keieikaizen.agency.AgencyService.AGENCY_CODE,
          "認定支援機関IDは6〜12桁の数字です");
      if (code == null) {
        continue;
      }
      Map<CostCategory, Money> fees = new EnumMap<>(CostCategory.class);
      put(fees, CostCategory.PLAN, money(form, agencyFee(n, PLAN_FEE_GROSS), agencyFee(n, PLAN_FEE_TAX)));
      put(fees, CostCategory.MONITORING, money(form, agencyFee(n, MONITORING_FEE_GROSS), agencyFee(n, MONITORING_FEE_TAX)));
      if (others.put(code, fees) != null) {
        form.problem(agencyCode(n), "同じ認定支援機関が重複しています");
      }
    }
    return others;
  }

  /** A gross (税込) amount and the consumption tax it includes; the tax cannot exceed the gross. */
  static Money money(FormValues form, String grossField, String taxField) {
    return money(form, grossField, taxField, 0);
  }

  private static Money money(FormValues form, String grossField, String taxField, long minGross) {
    Long gross = form.requiredLong(grossField, minGross, MAX_FEE_YEN);
    Long tax = form.requiredLong(taxField, 0, MAX_FEE_YEN);
    if (gross == null || tax == null) {
      return null;
    }
    if (tax > gross) {
      return form.problem(taxField, "消費税額は税込金額以下にしてください");
    }
    return Money.ofGross(gross, tax);
  }

  private static void put(Map<CostCategory, Money> fees, CostCategory category, Money money) {
    if (money != null) {
      fees.put(category, money);
    }
  }

  long totalGrossYen() {
    long lead = leadFees.values().stream().mapToLong(Money::grossYen).sum();
    return lead + otherAgencyFees.values().stream().flatMap(m -> m.values().stream()).mapToLong(Money::grossYen).sum();
  }
}
