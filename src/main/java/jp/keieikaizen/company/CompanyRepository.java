package jp.keieikaizen.company;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CompanyRepository extends JpaRepository<Company, Long> {

  Optional<Company> findByCorporateNumber(String corporateNumber);
}
