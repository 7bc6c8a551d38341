package jp.keieikaizen.intake;

import jp.keieikaizen.casefile.CaseNumber;

/** What the process needs to know of a newly registered application: its number and whose tasks it has. */
public record RegisteredCase(CaseNumber caseNumber, String councilCode, Long leadAgencyId, boolean interimMonitoring) {
}
