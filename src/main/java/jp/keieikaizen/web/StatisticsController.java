package jp.keieikaizen.web;

import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.report.StatisticsFiles;
import jp.keieikaizen.report.StatisticsService;

/**
 * The statistics table as JSON, CSV and Excel. The downloads answer under /api (HTTP Basic) and under /app (the pages'
 * session) alike. National managers and administrators see every council; a council's staff their own; agencies none.
 */
@RestController
class StatisticsController {

  private final StatisticsQuery query;

  StatisticsController(StatisticsQuery query) {
    this.query = query;
  }

  /** As of a date (default today), for a fiscal quarter (default the one of that date), a programme or all. */
  @GetMapping("/api/statistics")
  StatisticsService.Table table(@RequestParam(required = false) String asOf, @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String programme, Principal user) {
    return query.table(asOf, quarter, programme, user);
  }

  @GetMapping({"/api/statistics.csv", "/app/statistics.csv"})
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String asOf, @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String programme, Principal user) {
    StatisticsService.Table table = query.table(asOf, quarter, programme, user);
    return ReportController.file(StatisticsFiles.csv(table), "text/csv;charset=UTF-8", "実績_" + table.asOf() + ".csv");
  }

  @GetMapping({"/api/statistics.xlsx", "/app/statistics.xlsx"})
  ResponseEntity<byte[]> excel(@RequestParam(required = false) String asOf, @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String programme, Principal user) {
    StatisticsService.Table table = query.table(asOf, quarter, programme, user);
    return ReportController.file(StatisticsFiles.excel(table),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "実績_" + table.asOf() + ".xlsx");
  }
}
