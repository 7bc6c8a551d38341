package jp.keieikaizen.council;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the councils (reference data loaded by migration V2). */
@Service
@Transactional(readOnly = true)
public class CouncilService {

  /** A council's code: the JIS prefecture code, 01 to 47. */
  public static final Pattern CODE = Pattern.compile("0[1-9]|[1-3]\\d|4[0-7]");

  private final CouncilRepository councils;

  CouncilService(CouncilRepository councils) {
    this.councils = councils;
  }

  public List<Council> all() {
    return councils.findAllByOrderByPrefectureCode();
  }

  /**
   * A council by its code. The 47 councils are seeded by a migration and never change while the application runs,
   * so they are read once (every inbox row and page names its council).
   */
  public Optional<Council> find(String prefectureCode) {
    Map<String, Council> known = byCode;
    if (known == null) {
      Map<String, Council> read = new java.util.HashMap<>();
      councils.findAllByOrderByPrefectureCode().forEach(c -> read.put(c.prefectureCode(), c));
      known = byCode = Map.copyOf(read);
    }
    return prefectureCode == null ? Optional.empty() : Optional.ofNullable(known.get(prefectureCode));
  }

  private volatile Map<String, Council> byCode;

  public boolean exists(String prefectureCode) {
    return prefectureCode != null && councils.existsById(prefectureCode);
  }
}
