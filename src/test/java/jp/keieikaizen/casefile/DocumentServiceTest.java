package jp.keieikaizen.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.InvalidInputException;

class DocumentServiceTest {

  static final CaseNumber NUMBER = new CaseNumber("13-2025-0001");
  static final byte[] PDF = "%PDF-1.7\n計画書".getBytes(StandardCharsets.UTF_8);

  CaseFileService cases = mock(CaseFileService.class);
  CaseDocumentRepository repository = mock(CaseDocumentRepository.class);
  DocumentService documents = new DocumentService(cases, repository, Clock.systemUTC(), 1024,
      Set.of("application/pdf", "image/png", "text/csv"), event -> { });

  @BeforeEach
  void aCase() {
    when(cases.get(NUMBER)).thenReturn(new CaseFile(NUMBER, Programme.EARLY_PLAN, "13", 1L, 2L, LocalDate.of(2025, 6, 2), false, 6));
    when(repository.save(any())).thenAnswer(i -> i.getArgument(0));
  }

  @Test
  void aPdfIsStoredWithItsSizeAndChecksum() {
    CaseDocument doc = documents.store(NUMBER, DocumentType.PLAN, "PLAN", "計画書.pdf", "application/pdf", PDF, "agency-demo");
    assertThat(doc.sizeBytes()).isEqualTo(PDF.length);
    assertThat(doc.sha256()).hasSize(64).isEqualTo(DocumentService.sha256(PDF));
    assertThat(doc.fileName()).isEqualTo("計画書.pdf");
  }

  @Test
  void severalFilesOfOneLineAreStoredTogetherAndARefusalNamesItsFile() {
    var three = List.of(new DocumentService.Upload("申告書1.pdf", "application/pdf", PDF),
        new DocumentService.Upload("申告書2.pdf", "application/pdf", PDF), new DocumentService.Upload("申告書3.pdf", "application/pdf", PDF));
    assertThat(documents.storeAll(NUMBER, DocumentType.TAX_RETURN, "APPLICATION", null, null, three, "agency-demo"))
        .extracting(CaseDocument::fileName).containsExactly("申告書1.pdf", "申告書2.pdf", "申告書3.pdf");
    var oneBad = List.of(new DocumentService.Upload("申告書1.pdf", "application/pdf", PDF),
        new DocumentService.Upload("写真.pdf", "application/pdf", new byte[] { 'M', 'Z', 0 }));
    assertThatThrownBy(() -> documents.storeAll(NUMBER, DocumentType.TAX_RETURN, "APPLICATION", null, null, oneBad, null))
        .isInstanceOfSatisfying(jp.keieikaizen.common.InvalidInputException.class, e -> assertThat(e.problems())
            .singleElement().satisfies(p -> {
              assertThat(p.field()).isEqualTo("file");
              assertThat(p.rule()).startsWith("「写真.pdf」：登録できる形式は");
            }));
  }

  @Test
  void aFileWhoseContentIsNotItsDeclaredTypeIsRefused() {
    byte[] exe = { 'M', 'Z', 0, 0, 1, 2 };
    assertRefused(() -> documents.store(NUMBER, DocumentType.PLAN, "PLAN", "plan.pdf", "application/pdf", exe, null), "file");
    assertRefused(() -> documents.store(NUMBER, DocumentType.OTHER, "PLAN", "x.csv", "text/csv", new byte[] { (byte) 0xFF, 0 }, null), "file");
  }

  @Test
  void tooLargeEmptyOrUnlistedFilesAreRefused() {
    byte[] big = new byte[1025];
    big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F';
    assertRefused(() -> documents.store(NUMBER, DocumentType.PLAN, "PLAN", "big.pdf", "application/pdf", big, null), "file");
    assertRefused(() -> documents.store(NUMBER, DocumentType.PLAN, "PLAN", "e.pdf", "application/pdf", new byte[0], null), "file");
    assertRefused(() -> documents.store(NUMBER, DocumentType.PLAN, "PLAN", "a.zip", "application/zip", PDF, null), "file");
  }

  @Test
  void typeStepAndFileNameAreChecked() {
    assertRefused(() -> documents.store(NUMBER, null, "plan step", "../../etc/passwd", "application/pdf", PDF, null),
        "type", "step", "file");
    verify(repository, never()).save(any());
  }

  private static void assertRefused(Runnable call, String... fields) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(FieldProblem::field).contains(fields));
  }
}
