package jp.keieikaizen.security;

import java.util.Set;

/**
 * Who is calling, read from the engine's group memberships: the councils they coordinate or supervise (prefecture
 * codes), the agency they act for, and whether they are a national manager or an administrator.
 */
public record Caller(String userId, Set<String> coordinatorOf, Set<String> supervisorOf, Long agencyId, boolean manager,
    boolean admin, Set<String> groupIds, Set<String> tenantIds) {

  /** Nobody: an internal call (job, start-up), which the application does not restrict. */
  public static final Caller SYSTEM = new Caller(null, Set.of(), Set.of(), null, false, true, Set.of(), Set.of());

  /** Reads and decides for every council: administrators and national managers. */
  public boolean national() {
    return admin || manager;
  }

  /** Works for the council: its coordinators and supervisors. */
  public boolean staffOf(String councilCode) {
    return coordinatorOf.contains(councilCode) || supervisorOf.contains(councilCode);
  }

  public boolean isAgency() {
    return agencyId != null;
  }

  /** The councils whose figures this caller may read; empty for everyone but council staff when not national. */
  public Set<String> councilsStaffed() {
    return union(coordinatorOf, supervisorOf);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
