package jp.keieikaizen.subsidy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import jp.keieikaizen.casefile.CostCategory;

interface PaymentClaimRepository extends JpaRepository<PaymentClaim, Long> {

  Optional<PaymentClaim> findByCaseIdAndAgencyIdAndCategoryAndClaimNo(Long caseId, Long agencyId, CostCategory category,
      int claimNo);

  List<PaymentClaim> findByCaseIdOrderById(Long caseId);
}
