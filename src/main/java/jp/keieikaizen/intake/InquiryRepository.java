package jp.keieikaizen.intake;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InquiryRepository extends JpaRepository<Inquiry, Long> {

  List<Inquiry> findByCouncilCodeInAndReceivedOnBetweenOrderByReceivedOnDescIdDesc(Collection<String> councils,
      LocalDate from, LocalDate to, Pageable page);

  List<Inquiry> findByReceivedOnBetweenOrderByReceivedOnDescIdDesc(LocalDate from, LocalDate to, Pageable page);
}
