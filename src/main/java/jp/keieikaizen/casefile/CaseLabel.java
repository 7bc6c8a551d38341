package jp.keieikaizen.casefile;

/** What names a case to the people working on it: its number, company and programme. */
public record CaseLabel(CaseNumber number, String companyName, Programme programme) {

  /** The longest company name a task name carries (ACT_RU_TASK.NAME_ holds 255 characters). */
  static final int TASK_NAME_COMPANY_MAX = 60;

  /** 「{number} {company}」, the company cut to a length a task name can hold. */
  public String shortText() {
    String company = companyName.length() > TASK_NAME_COMPANY_MAX
        ? companyName.substring(0, TASK_NAME_COMPANY_MAX - 1) + "…" : companyName;
    return number.value() + " " + company;
  }
}
