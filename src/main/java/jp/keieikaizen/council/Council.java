package jp.keieikaizen.council;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;

/** A prefectural SME Revitalization Council (中小企業活性化協議会), keyed by its JIS prefecture code. */
@Entity
public class Council {

  @Id
  private String prefectureCode;
  private String prefectureName;
  private String name;
  private String operatingBody;

  @OneToMany
  @JoinColumn(name = "prefecture_code")
  @OrderBy("seq")
  private List<CouncilOffice> offices = new ArrayList<>();

  protected Council() {
  }

  public String prefectureCode() {
    return prefectureCode;
  }

  public String prefectureName() {
    return prefectureName;
  }

  public String name() {
    return name;
  }

  public String operatingBody() {
    return operatingBody;
  }

  public List<CouncilOffice> offices() {
    return List.copyOf(offices);
  }
}
