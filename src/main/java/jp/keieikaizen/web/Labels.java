package jp.keieikaizen.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.council.Council;
import jp.keieikaizen.council.CouncilService;

/**
 * Words for the ids the pages would otherwise print (#14): a council's code as its name, a task's candidate group as
 * the people it means. Templates call it as {@code @labels}; an id it does not know is shown as it is.
 */
@Component("labels")
class Labels {

  private static final Pattern COUNCIL_GROUP = Pattern.compile("council-(\\d{2})-(coordinator|supervisor)");
  private static final Pattern AGENCY_GROUP = Pattern.compile("agency-(\\d{1,18})");

  private final CouncilService councils;
  private final AgencyService agencies;

  Labels(CouncilService councils, AgencyService agencies) {
    this.councils = councils;
    this.agencies = agencies;
  }

  /** 「東京都中小企業活性化協議会」 for "13". */
  public String council(String code) {
    return code == null ? "" : councils.find(code).map(Council::name).orElse(code);
  }

  /** The people a candidate group means: 「東京都中小企業活性化協議会 コーディネーター」, an agency's name. */
  public String group(String group) {
    if (group == null) {
      return "";
    }
    Matcher council = COUNCIL_GROUP.matcher(group);
    if (council.matches()) {
      return council(council.group(1)) + ("coordinator".equals(council.group(2)) ? " コーディネーター" : " 統括責任者");
    }
    Matcher agency = AGENCY_GROUP.matcher(group);
    if (agency.matches()) {
      try {
        return agencies.get(Long.valueOf(agency.group(1))).name();
      } catch (RuntimeException unknown) {
        return group;
      }
    }
    return "national-manager".equals(group) ? "全国本部" : group;
  }

  /** The groups of a task, in words, joined by 「、」. */
  public String groups(java.util.List<String> groups) {
    return String.join("、", groups.stream().map(this::group).toList());
  }
}
