package jp.keieikaizen.subsidy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import jp.keieikaizen.casefile.CostCategory;

interface CompanySharePaymentRepository extends JpaRepository<CompanySharePayment, Long> {

  Optional<CompanySharePayment> findByCaseIdAndAgencyIdAndCategoryAndClaimNo(Long caseId, Long agencyId,
      CostCategory category, int claimNo);

  List<CompanySharePayment> findByCaseId(Long caseId);
}
