package jp.keieikaizen.agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

/** A certified support agency. Its certification is renewed every five years; each period is kept. */
@Entity
public class Agency {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String agencyCode;
  private String name;
  @Enumerated(EnumType.STRING)
  private AgencyKind kind;
  private String email;
  private String phone;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @JoinColumn(name = "agency_id", nullable = false)
  private List<AgencyCertification> certifications = new ArrayList<>();

  protected Agency() {
  }

  public Agency(String agencyCode, String name, AgencyKind kind, String email, String phone) {
    this(agencyCode, name, kind, email);
    this.phone = phone;
  }

  public Agency(String agencyCode, String name, AgencyKind kind, String email) {
    this.agencyCode = agencyCode;
    this.name = name;
    this.kind = kind;
    this.email = email;
  }

  public void addCertification(LocalDate from, LocalDate to) {
    certifications.add(new AgencyCertification(from, to));
  }

  public boolean isCertifiedOn(LocalDate date) {
    return certifications.stream().anyMatch(c -> c.covers(date));
  }

  public Long id() {
    return id;
  }

  public String agencyCode() {
    return agencyCode;
  }

  public String name() {
    return name;
  }

  public AgencyKind kind() {
    return kind;
  }

  public String email() {
    return email;
  }

  public List<AgencyCertification> certifications() {
    return List.copyOf(certifications);
  }

  public String phone() {
    return phone;
  }
}
