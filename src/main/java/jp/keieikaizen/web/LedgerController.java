package jp.keieikaizen.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.subsidy.ClaimService;
import jp.keieikaizen.subsidy.LedgerEntry;

/** A case's payment ledger: the council's payment decisions and payments, in the order they were recorded. */
@RestController
class LedgerController {

  record Entry(long claimId, String type, String category, long amountYen, LocalDate bookedOn, String reference,
      Instant recordedAt) {
    static Entry of(LedgerEntry e) {
      return new Entry(e.claimId(), e.entryType().name(), e.category().name(), e.amountYen(), e.bookedOn(), e.reference(),
          e.recordedAt());
    }
  }

  private final ClaimService claims;
  private final ApiCaller callers;

  LedgerController(ClaimService claims, ApiCaller callers) {
    this.claims = claims;
    this.callers = callers;
  }

  @GetMapping("/api/cases/{caseNumber}/ledger")
  List<Entry> ledger(@PathVariable String caseNumber, java.security.Principal user) {
    return claims.ledger(callers.visible(caseNumber, user)).stream().map(Entry::of).toList();
  }
}
