package jp.keieikaizen.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller behind a user id, from the engine's identity (one source of truth for users, groups and tenants, shared
 * with Tasklist and Cockpit), and the engine authentication to run an engine call as that user.
 */
@Service
public class Callers {

  private static final Pattern COORDINATOR = Pattern.compile("council-(\\d{2})-coordinator");
  private static final Pattern SUPERVISOR = Pattern.compile("council-(\\d{2})-supervisor");
  private static final Pattern AGENCY = Pattern.compile("agency-(\\d+)");

  private final IdentityService identity;

  Callers(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * A user's name as the pages show it (first and last name, as Tasklist shows them); the id when the user has no
   * name or is unknown (an id of the system's own, or of a user since removed). Read once per request and user.
   */
  public String displayName(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    String key = Callers.class.getName() + ":name:" + userId;
    if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof String known) {
      return known;
    }
    var user = identity.createUserQuery().userId(userId).singleResult();
    String name = user == null ? userId : String.join(" ", java.util.stream.Stream.of(user.getFirstName(),
        user.getLastName()).filter(n -> n != null && !n.isBlank()).toList());
    if (name.isBlank()) {
      name = userId;
    }
    if (request != null) {
      request.setAttribute(key, name, RequestAttributes.SCOPE_REQUEST);
    }
    return name;
  }

  /**
   * The caller with this user id; null means an internal call ({@link Caller#SYSTEM}). Within an HTTP request it is read
   * once: the controller's checks, the tenant check and the engine call of one request share it.
   */
  public Caller of(String userId) {
    if (userId == null) {
      return Caller.SYSTEM;
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return read(userId);
    }
    String key = Callers.class.getName() + ":" + userId;
    Caller caller = (Caller) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
    if (caller == null) {
      caller = read(userId);
      request.setAttribute(key, caller, RequestAttributes.SCOPE_REQUEST);
    }
    return caller;
  }

  private Caller read(String userId) {
    List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
    Set<String> groupIds = new HashSet<>();
    Set<String> coordinated = new HashSet<>();
    Set<String> supervised = new HashSet<>();
    Long agency = null;
    for (Group group : groups) {
      groupIds.add(group.getId());
      Matcher m;
      if ((m = COORDINATOR.matcher(group.getId())).matches()) {
        coordinated.add(m.group(1));
      } else if ((m = SUPERVISOR.matcher(group.getId())).matches()) {
        supervised.add(m.group(1));
      } else if ((m = AGENCY.matcher(group.getId())).matches()) {
        agency = Long.valueOf(m.group(1));
      }
    }
    Set<String> tenants = new HashSet<>();
    identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId)
        .forEach(tenants::add);
    return new Caller(userId, Set.copyOf(coordinated), Set.copyOf(supervised), agency,
        groupIds.contains(Groups.NATIONAL_MANAGER), groupIds.contains(Groups.ADMIN), Set.copyOf(groupIds), Set.copyOf(tenants));
  }

  /**
   * Runs an engine call as the user, with their groups and tenants, so the engine's authorization and tenant checks
   * apply; without a user the call runs unchecked (internal).
   */
  public <T> T asEngineUser(String userId, Supplier<T> action) {
    if (userId == null) {
      return action.get();
    }
    Caller caller = of(userId);
    identity.setAuthentication(userId, List.copyOf(caller.groupIds()), List.copyOf(caller.tenantIds()));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
