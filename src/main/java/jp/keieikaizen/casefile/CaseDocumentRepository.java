package jp.keieikaizen.casefile;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

  List<CaseDocument> findByCaseIdOrderById(Long caseId);
}
