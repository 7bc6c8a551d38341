package jp.keieikaizen.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.council.Council;
import jp.keieikaizen.council.CouncilService;

/**
 * At the first start, and again whenever {@link #SETUP_VERSION} or the list of councils changes (a fingerprint of
 * both is kept in the engine's properties, so an unchanged start costs one query), idempotently: one engine tenant per council (its prefecture code), the council's coordinator and
 * supervisor groups as its members, the national managers as members of every tenant, and each role's
 * authorizations; the first administrator from configuration when there is none. An agency's group is set up when the
 * agency is registered, as a member of every council's tenant (an agency may work in any prefecture): what it sees
 * there is only what it is granted, the tasks offered to it.
 *
 * <p>What each role is granted (on any resource id; the tenant narrows it to the council):
 * <ul>
 * <li>coordinator: Tasklist; process definitions READ, CREATE_INSTANCE, READ_HISTORY; instances CREATE, READ; tasks READ,
 * TASK_WORK (which ones: the application's rule, the task's candidate groups), TASK_ASSIGN (to a colleague in the
 * task's candidate group: {@code TaskAccess}); no grant per task</li>
 * <li>supervisor: Tasklist; process definitions READ, READ_HISTORY; instances READ; tasks READ, TASK_WORK (as the
 * coordinator's)</li>
 * <li>agency: Tasklist; process definitions READ, CREATE_INSTANCE; instances CREATE; its own tasks only (the engine
 * grants a candidate group READ and UPDATE on each task offered to it)</li>
 * <li>national manager: Tasklist and Cockpit; READ on definitions, instances, tasks and history, every tenant; no UPDATE</li>
 * <li>administrator (camunda-admin): ALL on every resource (the engine's admin group passes tenant checks, but its
 * authorizations are grants like anyone's)</li>
 * </ul>
 */
@Component
@Order(1)
public class AccessSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);
  /** Raise this whenever the groups, tenants or grants set up by {@link #run} change: the next start applies them. */
  static final int SETUP_VERSION = 4;
  static final String FINGERPRINT_PROPERTY = "keiei.access-setup";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ManagementService management;
  private final CouncilService councils;
  private final AgencyService agencies;
  private final TasklistFilters filters;
  private final String adminId;
  private final String adminPassword;

  AccessSetup(IdentityService identity, AuthorizationService authorizations, ManagementService management,
      CouncilService councils, AgencyService agencies, TasklistFilters filters,
      @Value("${keiei.security.initial-admin.id:admin}") String adminId,
      @Value("${keiei.security.initial-admin.password:}") String adminPassword) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.management = management;
    this.councils = councils;
    this.agencies = agencies;
    this.filters = filters;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    long start = System.nanoTime();
    String fingerprint = fingerprint();
    if (fingerprint.equals(management.getProperties().get(FINGERPRINT_PROPERTY))) {
      initialAdmin();
      LOG.info("Access setup unchanged ({}), checked in {} ms", fingerprint, (System.nanoTime() - start) / 1_000_000);
      return;
    }
    group(Groups.ADMIN, "システム管理者", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) { // the engine's admin group holds its power as grants (7.24)
      grant(Groups.ADMIN, resource, Permissions.ALL);
    }
    group(Groups.NATIONAL_MANAGER, "中小企業活性化全国本部", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    grantApps(Groups.NATIONAL_MANAGER, "tasklist", "cockpit");
    grantReadAll(Groups.NATIONAL_MANAGER);
    for (Council council : councils.all()) {
      String code = council.prefectureCode();
      tenant(code, council.name());
      String coordinator = Groups.coordinator(code);
      String supervisor = Groups.supervisor(code);
      group(coordinator, council.name() + " コーディネーター", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
      group(supervisor, council.name() + " 統括責任者・補佐", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
      for (String member : List.of(coordinator, supervisor, Groups.NATIONAL_MANAGER)) {
        tenantMember(code, member);
      }
      grantApps(coordinator, "tasklist");
      grantReadAll(coordinator);
      grant(coordinator, Resources.PROCESS_DEFINITION, Permissions.CREATE_INSTANCE);
      grant(coordinator, Resources.PROCESS_INSTANCE, Permissions.CREATE);
      // assign a task of the council to a colleague (the app allows only members of the task's candidate groups)
      grant(coordinator, Resources.TASK, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN);
      grantApps(supervisor, "tasklist");
      grantReadAll(supervisor);
      // the council's tasks are worked by role, not by a grant per task (CouncilTaskGrants); which of them a member
      // may complete or claim is the application's rule: the task's candidate groups or its assignee
      for (String staff : List.of(coordinator, supervisor)) {
        grant(staff, Resources.TASK, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK);
      }
    }
    shareFilters();
    initialAdmin();
    management.setProperty(FINGERPRINT_PROPERTY, fingerprint);
    LOG.info("Access setup (groups, tenants, grants) applied as {} in {} ms", fingerprint,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The setup's version and a digest of the councils it sets up tenants and groups for. */
  String fingerprint() {
    StringBuilder councilList = new StringBuilder();
    councils.all().forEach(c -> councilList.append(c.prefectureCode()).append('=').append(c.name()).append('\n'));
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(councilList.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "v" + SETUP_VERSION + ":" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers an agency together with its group, in one transaction. */
  @Transactional
  public Agency registerAgency(FormValues form) {
    Agency agency = agencies.register(form);
    ensureAgency(agency.id(), agency.name());
    return agency;
  }

  /** An agency's group (agency-{id}) with what an agency may do; idempotent. */
  @Transactional
  public void ensureAgency(long agencyId, String name) {
    String group = Groups.agency(agencyId);
    group(group, name, org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    grantApps(group, "tasklist");
    grant(group, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, Permissions.CREATE);
    grant(group, Resources.DEPLOYMENT, Permissions.READ);
    revoke(group, Resources.FILTER, ANY); // setup version 1 let every group read every filter
    String agencyFilter = filters.idOf(TasklistFilters.Audience.AGENCY);
    if (agencyFilter != null) {
      grant(group, Resources.FILTER, agencyFilter, Permissions.READ);
    }
    // once, at registration, not when a task is first offered: two nodes offering tasks at once would both try
    councils.all().forEach(c -> tenantMember(c.prefectureCode(), group));
  }

  /** Lets a group see into a council's tenant; idempotent. */
  public void tenantMember(String tenantId, String groupId) {
    if (identity.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
      identity.createTenantGroupMembership(tenantId, groupId);
    }
  }

  private void grantReadAll(String group) {
    grant(group, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.PROCESS_INSTANCE, Permissions.READ);
    grant(group, Resources.TASK, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, Permissions.READ);
    revoke(group, Resources.FILTER, ANY); // setup version 1 let every group read every filter
  }

  /** Creates the Tasklist filters and shares each with its audience (see {@link TasklistFilters}). */
  private void shareFilters() {
    filters.ensure().forEach((definition, id) -> {
      switch (definition.audience()) {
        case EVERYONE -> grantEveryone(Resources.FILTER, id, Permissions.READ);
        case COUNCIL -> councils.all().forEach(c -> {
          grant(Groups.coordinator(c.prefectureCode()), Resources.FILTER, id, Permissions.READ);
          grant(Groups.supervisor(c.prefectureCode()), Resources.FILTER, id, Permissions.READ);
        });
        case NATIONAL -> grant(Groups.NATIONAL_MANAGER, Resources.FILTER, id, Permissions.READ);
        case AGENCY -> agencies.all().forEach(a -> grant(Groups.agency(a.id()), Resources.FILTER, id, Permissions.READ));
      }
    });
  }

  private void grantEveryone(Resource resource, String resourceId, Permission permission) {
    Authorization auth = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    addMissing(auth, permission);
  }

  private void revoke(String group, Resource resource, String resourceId) {
    Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
    if (auth != null) {
      authorizations.deleteAuthorization(auth.getId());
    }
  }

  private void grantApps(String group, String... apps) {
    for (String app : apps) {
      grant(group, Resources.APPLICATION, app, Permissions.ACCESS);
    }
  }

  private void grant(String group, Resource resource, Permission... permissions) {
    grant(group, resource, ANY, permissions);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    addMissing(auth, permissions);
  }

  /** Adds the permissions the authorization lacks and saves it; one that has them all is left as it is. */
  private void addMissing(Authorization auth, Permission... permissions) {
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(auth);
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private void tenant(String id, String name) {
    if (identity.createTenantQuery().tenantId(id).count() > 0) {
      return;
    }
    Tenant tenant = identity.newTenant(id);
    tenant.setName(name);
    identity.saveTenant(tenant);
  }

  /** The first administrator, only when no user is in the admin group and a password is configured. */
  private void initialAdmin() {
    if (identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0) {
      return;
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      LOG.warn("No administrator yet: set KEIEI_SECURITY_INITIAL_ADMIN_PASSWORD (and _ID, default 'admin') to create one");
      return;
    }
    if (identity.createUserQuery().userId(adminId).count() == 0) {
      User user = identity.newUser(adminId);
      user.setFirstName("システム");
      user.setLastName("管理者");
      user.setPassword(adminPassword);
      try {
        identity.saveUser(user);
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        throw new IllegalStateException("KEIEI_SECURITY_INITIAL_ADMIN_PASSWORD does not meet the password policy (at least"
            + " 10 characters with upper and lower case, a digit and a symbol, not containing the user id): " + e.getMessage(), e);
      }
    }
    identity.createMembership(adminId, Groups.ADMIN);
    LOG.info("Administrator '{}' created from configuration", adminId);
  }
}
