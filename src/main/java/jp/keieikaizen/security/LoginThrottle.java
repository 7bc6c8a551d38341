package jp.keieikaizen.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins are counted per account and client address, not per account: someone guessing from one address is
 * stopped there, while the account's owner still logs in from their own (the engine's own per-account lock-out, which
 * anyone could trigger for any account by its name, is switched off in application.yaml). One address failing for
 * many accounts is stopped too. Kept in memory per node; every way in (the API, the app's pages, the webapps' login,
 * /engine-rest) goes through it.
 */
@Component
public class LoginThrottle {

  private static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int perAccount;
  private final int perAddress;
  private final Duration window;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock, @Value("${keiei.security.login.max-failures-per-account:5}") int perAccount,
      @Value("${keiei.security.login.max-failures-per-address:300}") int perAddress,
      @Value("${keiei.security.login.block:PT15M}") Duration window) {
    this.clock = clock;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.window = window;
  }

  /** Failures in a row, each within the window of the one before, and the last one's time. */
  private record Failures(int count, Instant last) {
  }

  /** How long logins of this account from this address are refused without checking the password; zero: not. */
  public Duration blockedFor(String userId, String address) {
    Instant now = clock.instant();
    Duration account = blocked(accountKey(userId, address), perAccount, now);
    Duration all = blocked(address, perAddress, now);
    return account.compareTo(all) >= 0 ? account : all;
  }

  public void failed(String userId, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_ENTRIES) {
      failures.entrySet().removeIf(e -> e.getValue().last().plus(window).isBefore(now));
    }
    for (String key : new String[] {accountKey(userId, address), address}) {
      failures.compute(key, (k, f) -> f == null || f.last().plus(window).isBefore(now) ? new Failures(1, now)
          : new Failures(f.count() + 1, now));
    }
  }

  /** Records the failure and returns the exception that refuses the login. */
  org.springframework.security.authentication.BadCredentialsException failedLogin(String userId, String address) {
    failed(userId, address);
    return new org.springframework.security.authentication.BadCredentialsException("bad credentials");
  }

  public void succeeded(String userId, String address) {
    failures.remove(accountKey(userId, address));
  }

  private Duration blocked(String key, int max, Instant now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < max) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, f.last().plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String accountKey(String userId, String address) {
    return (userId == null ? "" : userId.toLowerCase(java.util.Locale.ROOT)) + "|" + address;
  }
}
