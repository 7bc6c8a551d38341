package jp.keieikaizen.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

  /** Earlier accepted cases of the company with this 法人番号 (a case is a use once it was accepted). */
  @Query("""
      select count(c) from CaseFile c, jp.keieikaizen.company.Company co
      where c.companyId = co.id and co.corporateNumber = :corporateNumber
        and c.ruleVersion is not null and c.caseNumber <> :excluding""")
  long countAcceptedUses(@Param("corporateNumber") String corporateNumber, @Param("excluding") String excludingCaseNumber);

  List<CaseFile> findByCouncilCodeOrderByCaseNumberDesc(String councilCode);
}
