package jp.keieikaizen.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.security.AccessSetup;
import jp.keieikaizen.security.Caller;
import jp.keieikaizen.council.CouncilService;

/** Reference data: the 47 councils with their offices, and the register of certified support agencies. */
@RestController
@RequestMapping("/api")
class ReferenceController {

  record Office(String postalCode, String address, String phone) {
  }

  record CouncilInfo(String prefectureCode, String prefectureName, String name, String operatingBody, List<Office> offices) {
  }

  record Certification(LocalDate certifiedFrom, LocalDate certifiedTo) {
  }

  record AgencyInfo(long id, String agencyCode, String name, String kind, String email, List<Certification> certifications) {
    static AgencyInfo of(Agency a) {
      return new AgencyInfo(a.id(), a.agencyCode(), a.name(), a.kind().name(), a.email(),
          a.certifications().stream().map(c -> new Certification(c.certifiedFrom(), c.certifiedTo())).toList());
    }
  }

  private final CouncilService councils;
  private final AgencyService agencies;
  private final ApiCaller callers;
  private final AccessSetup access;

  ReferenceController(CouncilService councils, AgencyService agencies, ApiCaller callers, AccessSetup access) {
    this.councils = councils;
    this.agencies = agencies;
    this.callers = callers;
    this.access = access;
  }

  @GetMapping("/councils")
  List<CouncilInfo> councils() {
    return councils.all().stream().map(c -> new CouncilInfo(c.prefectureCode(), c.prefectureName(), c.name(),
        c.operatingBody(), c.offices().stream().map(o -> new Office(o.postalCode(), o.address(), o.phone())).toList()))
        .toList();
  }

  @GetMapping("/agencies")
  List<AgencyInfo> agencies() {
    return agencies.all().stream().map(AgencyInfo::of).toList();
  }

  /** Registers an agency and its group (agency-{id}); council coordinators and administrators only. */
  @PostMapping("/agencies")
  ResponseEntity<AgencyInfo> register(@RequestBody Map<String, Object> body, java.security.Principal user) {
    Caller caller = callers.of(user);
    if (!caller.admin() && caller.coordinatorOf().isEmpty()) {
      throw new ForbiddenException("認定支援機関を登録できるのは協議会のコーディネーターと管理者です");
    }
    Agency agency = access.registerAgency(new FormValues(body));
    return ResponseEntity.created(URI.create("/api/agencies/" + agency.id())).body(AgencyInfo.of(agency));
  }
}
