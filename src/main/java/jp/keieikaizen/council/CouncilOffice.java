package jp.keieikaizen.council;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An office of a council where inquiries and applications are received. */
@Entity
public class CouncilOffice {

  @Id
  private Long id;
  private int seq;
  private String postalCode;
  private String address;
  private String phone;

  protected CouncilOffice() {
  }

  public int seq() {
    return seq;
  }

  public String postalCode() {
    return postalCode;
  }

  public String address() {
    return address;
  }

  public String phone() {
    return phone;
  }
}
