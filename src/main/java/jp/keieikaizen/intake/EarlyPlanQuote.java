package jp.keieikaizen.intake;

import static jp.keieikaizen.intake.ApplicationFields.*;

import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.common.FormValues;

/** The lead agency's early-plan quote and monitoring choice, as read from a form. */
record EarlyPlanQuote(Money plan, boolean interim, Money interimFee, Money finalFee, int intervalMonths) {

  static final long MAX_FEE_YEN = 100_000_000L;

  /** Reads the quote fields; problems are collected in the form. Returns null when a field was bad. */
  static EarlyPlanQuote read(FormValues form) {
    Money plan = money(form, PLAN_FEE_GROSS, PLAN_FEE_TAX);
    boolean interim = form.flag(INTERIM_MONITORING);
    Money interimFee = interim ? money(form, INTERIM_FEE_GROSS, INTERIM_FEE_TAX) : null;
    Money finalFee = money(form, FINAL_FEE_GROSS, FINAL_FEE_TAX);
    Integer interval = form.requiredInt(MONITORING_INTERVAL_MONTHS, 1, 12);
    if (plan == null || finalFee == null || interval == null || (interim && interimFee == null)) {
      return null;
    }
    return new EarlyPlanQuote(plan, interim, interimFee, finalFee, interval);
  }

  /** A gross (税込) amount and the consumption tax it includes; the tax cannot exceed the gross. */
  static Money money(FormValues form, String grossField, String taxField) {
    Long gross = form.requiredLong(grossField, 1, MAX_FEE_YEN);
    Long tax = form.requiredLong(taxField, 0, MAX_FEE_YEN);
    if (gross == null || tax == null) {
      return null;
    }
    if (tax > gross) {
      return form.problem(taxField, "消費税額は税込金額以下にしてください");
    }
    return Money.ofGross(gross, tax);
  }
}
