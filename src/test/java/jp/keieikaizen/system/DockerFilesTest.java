package jp.keieikaizen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The container files stay valid without a Docker engine: docker-compose (Debian's, installed with apt-get when
 * missing) parses and interpolates compose.yaml, and the image and the cluster keep their shape.
 */
class DockerFilesTest {

  static final Path COMPOSE = Path.of("docker/compose.yaml");

  @Test
  void theComposeFileIsValidAndRunsMariaDbTwoAppNodesAndALoadBalancer() throws Exception {
    ensureDockerCompose();
    Result ok = run(Map.of("DB_PASSWORD", "x", "ADMIN_PASSWORD", "y"), "docker-compose", "-f", COMPOSE.toString(), "config");
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("app1:", "app2:", "lb:", "db:", "--transaction-isolation=READ-COMMITTED",
        "KEIEI_CLUSTER_NODE_ID: app1", "KEIEI_CLUSTER_NODE_ID: app2", "nginx.conf");
    Result missingSecret = run(Map.of(), "docker-compose", "-f", COMPOSE.toString(), "config", "-q");
    assertThat(missingSecret.exit()).as("no default passwords").isNotZero();
    assertThat(missingSecret.output()).contains("DB_PASSWORD");
  }

  @Test
  void theImageIsBuiltInStagesAndRunsAsANonRootUserWithAHealthCheck() throws Exception {
    String dockerfile = Files.readString(Path.of("docker/Dockerfile"), StandardCharsets.UTF_8);
    assertThat(dockerfile).contains("AS build", "--layers", "USER app", "HEALTHCHECK", "/actuator/health");
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")).count()).isEqualTo(2);
    String nginx = Files.readString(Path.of("docker/nginx.conf"), StandardCharsets.UTF_8);
    assertThat(nginx).contains("ip_hash", "server app1:8080", "server app2:8080");
  }

  /** The JVM's memory settings are the same wherever the app runs: the run command, the image, the compose file. */
  @Test
  void theJvmMemorySettingsAreShippedAlikeInTheRunCommandTheImageAndTheComposeFile() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    java.util.regex.Matcher options = java.util.regex.Pattern.compile("<app.jvm-options>([^<]+)</app.jvm-options>")
        .matcher(pom);
    assertThat(options.find()).as("app.jvm-options in pom.xml").isTrue();
    String jvm = options.group(1).strip();
    assertThat(jvm).contains("-XX:+UseSerialGC", "-Xmx", "-Xms", "-XX:MaxMetaspaceSize", "-XX:+ExitOnOutOfMemoryError");
    assertThat(pom).contains("<jvmArguments>${app.jvm-options}</jvmArguments>", "<MALLOC_ARENA_MAX>2</MALLOC_ARENA_MAX>");
    assertThat(Files.readString(Path.of("docker/Dockerfile"), StandardCharsets.UTF_8))
        .contains("ENV JAVA_OPTS=\"" + jvm + "\"", "ENV MALLOC_ARENA_MAX=2");
    assertThat(Files.readString(COMPOSE, StandardCharsets.UTF_8)).contains("JAVA_OPTS: " + jvm, "MALLOC_ARENA_MAX: \"2\"");
  }

  private static void ensureDockerCompose() throws Exception {
    if (run(Map.of(), "sh", "-c", "command -v docker-compose").exit() == 0) {
      return;
    }
    Result install = run(Map.of(), "sh", "-c", "apt-get update -qq && apt-get install -y -qq docker-compose");
    if (install.exit() != 0) {
      throw new IllegalStateException("docker-compose (Debian package) is needed to check docker/compose.yaml and could"
          + " not be installed: " + install.output());
    }
  }

  record Result(int exit, String output) {
  }

  private static Result run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("DB_PASSWORD");
    builder.environment().remove("ADMIN_PASSWORD");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }
}
