package jp.keieikaizen.agency;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Links a login (the engine's user id) to the agency it acts for. */
@Entity
class AgencyUser {

  @Id
  private String userId;
  private Long agencyId;

  protected AgencyUser() {
  }

  AgencyUser(String userId, Long agencyId) {
    this.userId = userId;
    this.agencyId = agencyId;
  }

  Long agencyId() {
    return agencyId;
  }
}
