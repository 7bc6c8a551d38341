package jp.keieikaizen.monitoring;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringReportRepository extends JpaRepository<MonitoringReport, Long> {

  List<MonitoringReport> findByCaseIdOrderByRoundNo(Long caseId);

  Optional<MonitoringReport> findByCaseIdAndRoundNo(Long caseId, int roundNo);
}
