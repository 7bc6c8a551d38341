package jp.keieikaizen.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;

/** The register of certified support agencies and the logins that act for them. */
@Service
@Transactional
public class AgencyService {

  /** 認定経営革新等支援機関ID: digits, as printed on the 認定通知書. */
  public static final Pattern AGENCY_CODE = Pattern.compile("\\d{6,12}");

  private final AgencyRepository agencies;
  private final AgencyUserRepository agencyUsers;

  AgencyService(AgencyRepository agencies, AgencyUserRepository agencyUsers) {
    this.agencies = agencies;
    this.agencyUsers = agencyUsers;
  }

  /**
   * Registers an agency with its current certification period. Fields: agencyCode, name, kind, email, phone,
   * certifiedFrom, certifiedTo.
   */
  public Agency register(FormValues form) {
    String code = form.requiredPattern("agencyCode", AGENCY_CODE, "認定支援機関IDは6〜12桁の数字です");
    String name = form.requiredName("name", 200);
    AgencyKind kind = form.requiredEnum("kind", AgencyKind.class);
    String email = form.optionalPattern("email", Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "メールアドレスの形式ではありません");
    String phone = form.optionalPhone("phone");
    LocalDate from = form.requiredDate("certifiedFrom");
    LocalDate to = form.requiredDate("certifiedTo");
    if (from != null && to != null && to.isBefore(from)) {
      form.problem("certifiedTo", "認定期間の終了日は開始日以降にしてください");
    }
    if (code != null && agencies.findByAgencyCode(code).isPresent()) {
      form.problem("agencyCode", "この認定支援機関IDは登録済みです");
    }
    form.validate();
    Agency agency = new Agency(code, name, kind, email, phone);
    agency.addCertification(from, to);
    return agencies.save(agency);
  }

  public void linkUser(String userId, Long agencyId) {
    if (!agencies.existsById(agencyId)) {
      throw InvalidInputException.of("agencyId", "登録されていない認定支援機関です");
    }
    agencyUsers.save(new AgencyUser(userId, agencyId));
  }

  @Transactional(readOnly = true)
  public Optional<Agency> findByCode(String agencyCode) {
    return agencies.findByAgencyCode(agencyCode);
  }

  @Transactional(readOnly = true)
  public Agency get(Long id) {
    return agencies.findById(id).orElseThrow(() -> new NotFoundException("agency " + id));
  }

  @Transactional(readOnly = true)
  public Optional<Agency> agencyOfUser(String userId) {
    return userId == null ? Optional.empty() : agencyUsers.findById(userId).flatMap(u -> agencies.findById(u.agencyId()));
  }

  @Transactional(readOnly = true)
  public List<Agency> all() {
    return agencies.findAll();
  }
}
