package jp.keieikaizen.casefile;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

  List<CaseDocument> findByCaseIdOrderById(Long caseId);

  /** What a checklist needs of each document, without loading its content. */
  @Query("select new jp.keieikaizen.casefile.DocumentService$Filed(d.type, d.step, d.subject, d.issuedOn, d.uploadedAt)"
      + " from CaseDocument d where d.caseId = :caseId order by d.id")
  List<DocumentService.Filed> filed(@Param("caseId") Long caseId);
}
