package jp.keieikaizen.casefile;

import java.time.LocalDate;

/** A line of the case list. */
public record CaseSummary(String caseNumber, String programme, String programmeLabel, String councilCode,
    String companyName, String corporateNumber, String state, String stateLabel, LocalDate applicationDate,
    LocalDate decisionDate) {
}
