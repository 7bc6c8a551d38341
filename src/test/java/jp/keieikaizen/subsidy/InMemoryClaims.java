package jp.keieikaizen.subsidy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;

/** A ClaimService over lists instead of tables (the ledger always takes the entry), for unit and property tests. */
final class InMemoryClaims {

  final List<PaymentClaim> claims = new ArrayList<>();
  final List<CompanySharePayment> shares = new ArrayList<>();
  final PaymentLedger ledger = mock(PaymentLedger.class);
  final ClaimService service;

  InMemoryClaims(CaseNumber number, CaseFile file, LocalDate today) {
    CaseFileService cases = mock(CaseFileService.class);
    PaymentClaimRepository claimRepo = mock(PaymentClaimRepository.class);
    CompanySharePaymentRepository shareRepo = mock(CompanySharePaymentRepository.class);
    when(cases.get(number)).thenReturn(file);
    when(cases.today()).thenReturn(today);
    when(claimRepo.save(any())).thenAnswer(i -> remember(claims, i.getArgument(0)));
    when(claimRepo.findByCaseIdOrderById(any())).thenAnswer(i -> List.copyOf(claims));
    when(claimRepo.findByCaseIdAndAgencyIdAndCategoryAndClaimNo(any(), any(), any(), anyInt()))
        .thenAnswer(i -> claims.stream().filter(c -> c.agencyId().equals(i.getArgument(1)) && c.category() == i.getArgument(2)
            && c.claimNo() == (int) i.getArgument(3)).findFirst());
    when(shareRepo.save(any())).thenAnswer(i -> remember(shares, i.getArgument(0)));
    when(shareRepo.findByCaseIdAndAgencyIdAndCategoryAndClaimNo(any(), any(), any(), anyInt()))
        .thenAnswer(i -> shares.stream().filter(s -> s.agencyId().equals(i.getArgument(1)) && s.category() == i.getArgument(2)
            && s.claimNo() == (int) i.getArgument(3)).findFirst());
    when(ledger.append(any(), any(), anyLong(), any(), any(), any())).thenReturn(true);
    service = new ClaimService(cases, SubsidyRulesFixture.load(), claimRepo, shareRepo, ledger, mock(LedgerEntryRepository.class),
        mock(jakarta.persistence.EntityManager.class));
  }

  private static <T> T remember(List<T> list, T item) {
    if (!list.contains(item)) {
      list.add(item);
    }
    return item;
  }
}
