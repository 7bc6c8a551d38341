package jp.keieikaizen.company;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.NotFoundException;

@Service
@Transactional
public class CompanyService {

  private final CompanyRepository companies;

  CompanyService(CompanyRepository companies) {
    this.companies = companies;
  }

  /** The company with this 法人番号, updated to the profile; a new row for a new company or a sole proprietor. */
  public Company record(CompanyProfile profile) {
    if (profile.corporateNumber() == null) {
      return companies.save(new Company(profile));
    }
    return companies.findByCorporateNumber(profile.corporateNumber())
        .map(existing -> {
          existing.update(profile);
          return existing;
        })
        .orElseGet(() -> companies.save(new Company(profile)));
  }

  @Transactional(readOnly = true)
  public Company get(Long id) {
    return companies.findById(id).orElseThrow(() -> new NotFoundException("company " + id));
  }
}
