package jp.keieikaizen.casefile;

/**
 * Documents of one type were filed on a case (published in the storing transaction): rules that read the case's
 * documents, such as the eligibility check's 工程表 finding, bring their results up to date.
 */
public record DocumentsFiled(CaseNumber caseNumber, DocumentType type) {
}
