package jp.keieikaizen.subsidy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Read access only: the ledger is written by {@link PaymentLedger}'s insert, never saved or deleted through JPA. */
interface LedgerEntryRepository extends Repository<LedgerEntry, Long> {

  List<LedgerEntry> findByCaseIdOrderById(Long caseId);

  Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);
}
