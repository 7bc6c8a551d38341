package jp.keieikaizen.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Engine users for integration tests: created once per run (the run's ITs share one database), in one group. */
public final class TestUsers {

  private TestUsers() {
  }

  /** The user with the password (which must meet the policy) and, when given, an e-mail address, in the group. */
  public static void ensure(IdentityService identity, String id, String password, String group, String email) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("利用者");
      user.setLastName("試験");
      user.setEmail(email);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
