package jp.keieikaizen.subsidy;

import jp.keieikaizen.casefile.CostCategory;

/**
 * One agency's subsidy for one cost category of a case: its quote, its eligible part, the category's cap, its
 * subsidy, what has been paid of it, what remains, and the company's share of the quote.
 */
public record SubsidyLine(Long agencyId, CostCategory category, long quotedGrossYen, long eligibleFeeYen, long capYen,
    long subsidyYen, long paidYen, long remainingYen, long companyShareYen) {
}
