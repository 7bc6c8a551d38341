package jp.keieikaizen.subsidy;

import jp.keieikaizen.casefile.CostCategory;

/** One cost category of a case's subsidy: the quote, what of it is eligible, the cap, the subsidy and the company's share. */
public record SubsidyLine(CostCategory category, long quotedGrossYen, long eligibleFeeYen, long capYen, long subsidyYen,
    long companyShareYen) {
}
