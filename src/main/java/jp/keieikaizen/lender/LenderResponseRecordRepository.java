package jp.keieikaizen.lender;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LenderResponseRecordRepository extends JpaRepository<LenderResponseRecord, Long> {

  List<LenderResponseRecord> findByCaseIdOrderById(Long caseId);
}
