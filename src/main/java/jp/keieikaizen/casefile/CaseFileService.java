package jp.keieikaizen.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.KnownIds;
import jp.keieikaizen.common.NotFoundException;

/** Creates cases, finds them by number, and records how they end. */
@Service
@Transactional
public class CaseFileService {

  private final CaseFileRepository files;
  private final CaseNumberGenerator numbers;
  private final Clock clock;
  private final EntityManager entities;

  CaseFileService(CaseFileRepository files, CaseNumberGenerator numbers, Clock clock, EntityManager entities) {
    this.files = files;
    this.numbers = numbers;
    this.clock = clock;
    this.entities = entities;
  }

  public CaseFile create(Programme programme, String councilCode, Long companyId, Long leadAgencyId,
      LocalDate applicationDate, boolean interimMonitoring, int intervalMonths) {
    CaseNumber number = numbers.next(councilCode, applicationDate);
    CaseFile file = files.save(new CaseFile(number, programme, councilCode, companyId, leadAgencyId, applicationDate,
        interimMonitoring, intervalMonths));
    recordEvent(file, "APPLIED", null, programme.label() + " 利用申請");
    return file;
  }

  /**
   * The case by its number. By natural id: the first lookup of a transaction reads the row, the later ones (a
   * completion asks for its case in each listener and handler) are answered from the persistence context, with no
   * query and no flush before one.
   */
  @Transactional(readOnly = true)
  public CaseFile get(CaseNumber number) {
    return find(number).orElseThrow(() -> new NotFoundException("案件 " + number + " はありません"));
  }

  private java.util.Optional<CaseFile> find(CaseNumber number) {
    return known.find(entities, number.value(), () -> entities.unwrap(org.hibernate.Session.class)
        .bySimpleNaturalId(CaseFile.class).loadOptional(number.value()));
  }

  /**
   * Case numbers and their row ids, which never change: a known case is then found by id, whose loader Hibernate
   * builds once, where a lookup by natural id builds its SQL anew each time (JFR: two thirds of the lookup's time).
   */
  private final KnownIds<String, CaseFile> known = new KnownIds<>(CaseFile.class, CaseFile::id, f -> f.number().value());

  /** A case's company name and programme, as a task or a mail names the case; empty for an unknown case. */
  @Transactional(readOnly = true)
  public java.util.Optional<CaseLabel> label(CaseNumber number) {
    return find(number).map(file -> new CaseLabel(number,
        entities.find(jp.keieikaizen.company.Company.class, file.companyId()).name(), file.programme()));
  }

  @Transactional(readOnly = true)
  public List<CaseFile> ofCouncil(String councilCode) {
    return files.findByCouncilCodeOrderByCaseNumberDesc(councilCode);
  }

  /** The case list within the search's scope and filters; every value is a bound parameter. */
  @Transactional(readOnly = true)
  public CasePage search(CaseSearch search) {
    StringBuilder where = new StringBuilder(" from CaseFile c, jp.keieikaizen.company.Company co where co.id = c.companyId");
    Map<String, Object> params = new HashMap<>();
    if (search.councils() != null) {
      if (search.councils().isEmpty()) {
        return new CasePage(List.of(), 0, search.page(), search.size());
      }
      where.append(" and c.councilCode in :councils");
      params.put("councils", search.councils());
    }
    if (search.agencyId() != null) {
      where.append(" and (c.leadAgencyId = :agency or exists (select f from CaseFile c2 join c2.fees f"
          + " where c2 = c and f.agencyId = :agency))");
      params.put("agency", search.agencyId());
    }
    if (search.caseNumber() != null) {
      where.append(" and c.caseNumber like :number");
      params.put("number", likeEscaped(search.caseNumber()) + "%");
    }
    if (search.company() != null) {
      where.append(" and (co.name like :company or co.corporateNumber = :corporateNumber)");
      params.put("company", "%" + likeEscaped(search.company()) + "%");
      params.put("corporateNumber", search.company());
    }
    if (search.programme() != null) {
      where.append(" and c.programme = :programme");
      params.put("programme", search.programme());
    }
    if (search.state() != null) {
      where.append(" and c.state = :state");
      params.put("state", search.state());
    }
    if (search.councilCode() != null) {
      where.append(" and c.councilCode = :council");
      params.put("council", search.councilCode());
    }
    TypedQuery<Long> count = entities.createQuery("select count(c)" + where, Long.class);
    TypedQuery<Object[]> rows = entities.createQuery("select c, co.name, co.corporateNumber" + where
        + " order by c.caseNumber desc", Object[].class);
    params.forEach((k, v) -> {
      count.setParameter(k, v);
      rows.setParameter(k, v);
    });
    rows.setFirstResult(search.page() * search.size()).setMaxResults(search.size());
    List<CaseSummary> items = new ArrayList<>();
    for (Object[] row : rows.getResultList()) {
      CaseFile c = (CaseFile) row[0];
      items.add(new CaseSummary(c.number().value(), c.programme().name(), c.programme().label(), c.councilCode(),
          (String) row[1], (String) row[2], c.state().name(), c.state().label(), c.applicationDate(), c.decisionDate()));
    }
    return new CasePage(items, count.getSingleResult(), search.page(), search.size());
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Transactional(readOnly = true)
  public long acceptedUses(String corporateNumber, CaseNumber excluding) {
    return files.countAcceptedUses(corporateNumber, excluding.value());
  }

  public void recordEvent(CaseNumber number, String kind, String actor, String detail) {
    recordEvent(get(number), kind, actor, detail);
  }

  /**
   * Appends an entry to the case's timeline: one insert, the timeline is not read (it grows with the case's age) and
   * the case's row is not touched.
   */
  public void recordEvent(CaseFile file, String kind, String actor, String detail) {
    entities.persist(new CaseEvent(file.id(), clock.instant(), kind, actor, detail));
  }

  /** Ends a case (withdrawn, lapsed, rejected, closed) and notes why on its timeline. */
  public void end(CaseNumber number, CaseState endState, String actor, String reason) {
    CaseFile file = get(number);
    file.end(endState, LocalDate.now(clock), reason);
    recordEvent(file, endState.name(), actor, reason);
  }

  /** The application lapses (失効): the early plan's claim deadline or the 405 validity (with extensions) has passed. */
  public void lapse(CaseNumber number) {
    CaseFile file = get(number);
    String reason = file.programme() == Programme.EARLY_PLAN
        ? "計画策定支援費用の支払申請が期限までに提出されなかったため失効"
        : "利用申請の有効期限（" + file.applicationValidUntil() + "）の経過により失効";
    end(number, CaseState.LAPSED, null, reason);
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
