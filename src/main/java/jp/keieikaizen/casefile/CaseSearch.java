package jp.keieikaizen.casefile;

import java.util.Set;

/**
 * A search of the case list. The scope comes from who asks: {@code councils} (null: every council) and
 * {@code agencyId} (only cases the agency takes part in; null: no such limit). The other fields are the user's
 * filters, each optional: a case-number prefix, part of the company name or its 法人番号, programme, state, council.
 */
public record CaseSearch(Set<String> councils, Long agencyId, String caseNumber, String company, Programme programme,
    CaseState state, String councilCode, int page, int size) {

  public static final int MAX_SIZE = 100;
}
