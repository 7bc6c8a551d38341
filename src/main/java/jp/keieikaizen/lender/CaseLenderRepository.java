package jp.keieikaizen.lender;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseLenderRepository extends JpaRepository<CaseLender, Long> {

  List<CaseLender> findByCaseIdOrderById(Long caseId);
}
