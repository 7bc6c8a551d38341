package jp.keieikaizen.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@link LoginThrottle} for the login Spring Security does not see: HTTP Basic on /engine-rest (the webapps have no
 * login of their own: they take the application's session). A blocked account and address is answered 429 before the password is checked; a 401 answer counts as a failed
 * login, a success clears the account's count.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = user(request);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    if (!throttle.blockedFor(user, address).isZero()) {
      tooMany(response);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, address);
    } else if (response.getStatus() < 300) {
      throttle.succeeded(user, address);
    }
  }

  /** The account a request logs in as: /engine-rest's Basic user. */
  private static String user(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static void tooMany(HttpServletResponse response) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", "900");
    response.setContentType(SecurityConfiguration.PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"ログインの失敗が続いています\",\"status\":429,"
        + "\"detail\":\"この利用者のログインは、失敗が続いたためこの端末からしばらく受け付けません。15分ほどおいてからお試しください\","
        + "\"message\":\"ログインの失敗が続いたため、しばらく受け付けません\"}");
  }
}
