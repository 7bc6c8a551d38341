package jp.keieikaizen.casefile;

import java.util.List;

/** One page of the case list, newest case number first, with the total count of matches. */
public record CasePage(List<CaseSummary> items, long total, int page, int size) {
}
