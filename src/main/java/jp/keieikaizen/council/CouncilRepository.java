package jp.keieikaizen.council;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CouncilRepository extends JpaRepository<Council, String> {

  @EntityGraph(attributePaths = "offices")
  List<Council> findAllByOrderByPrefectureCode();
}
