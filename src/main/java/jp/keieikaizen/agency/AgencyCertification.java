package jp.keieikaizen.agency;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One certification period of an agency, both ends inclusive. */
@Entity
public class AgencyCertification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private LocalDate certifiedFrom;
  private LocalDate certifiedTo;

  protected AgencyCertification() {
  }

  AgencyCertification(LocalDate certifiedFrom, LocalDate certifiedTo) {
    this.certifiedFrom = certifiedFrom;
    this.certifiedTo = certifiedTo;
  }

  boolean covers(LocalDate date) {
    return !date.isBefore(certifiedFrom) && !date.isAfter(certifiedTo);
  }

  public LocalDate certifiedFrom() {
    return certifiedFrom;
  }

  public LocalDate certifiedTo() {
    return certifiedTo;
  }
}
