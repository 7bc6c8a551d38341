package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BPMN lint of the quality gate: bpmnlint (npm, versions pinned in lint/package-lock.json) with its recommended
 * rules and the Camunda Platform 7.24 rules of bpmnlint-plugin-camunda-compat ({@code camunda-platform-7-24}, named in
 * lint/.bpmnlintrc) over every model in processes/, with zero errors. No rule is switched off. Warnings are printed,
 * not failed: the only ones are {@code fake-join}, where a correction or revision loop flows back into a task (the
 * models' loops are deliberate and covered by the process tests; a joining gateway would add elements that change
 * nothing).
 *
 * <p>Node.js and npm come from Debian (installed with apt-get when missing, as a fresh CI machine has only a JDK);
 * the packages from the npm registry with {@code npm ci}. bpmnlint 11 needs a Node.js that can {@code require()} ES
 * modules (20.19+ or 22.12+): where the machine's own cannot start it (Debian 12's nodejs is 18), the
 * test takes Node.js 22 from the npm registry's {@code node} package into target/lint-node and runs the linter with
 * that. Where none of this works the test fails and says what to install.
 *
 * <p>bpmnlint runs in lint/, because it resolves the plug-in named in the configuration from its working directory.
 */
class BpmnLintTest {

  static final Path LINT = Path.of("lint");
  static final Path BPMNLINT = LINT.resolve("node_modules/.bin/bpmnlint");
  static final Path BPMNLINT_JS = LINT.resolve("node_modules/bpmnlint/bin/bpmnlint.js");
  static final Path FALLBACK_NODE_DIR = Path.of("target/lint-node");
  static final String FALLBACK_NODE = "node@22.23.3";
  static final Pattern SUMMARY = Pattern.compile("✖ \\d+ problems? \\((\\d+) errors?, (\\d+) warnings?\\)");

  /** The node executable that runs bpmnlint. */
  static String node;

  @BeforeAll
  static void installTheLinter() throws Exception {
    if (run(LINT, "sh", "-c", "command -v node && command -v npm").exit() != 0) {
      Result apt = run(LINT, "sh", "-c", "apt-get update -qq && apt-get install -y -qq nodejs npm");
      if (apt.exit() != 0) {
        throw new IllegalStateException("Node.js and npm are needed for the BPMN lint and could not be installed with"
            + " apt-get (install the Debian packages nodejs and npm): " + apt.output());
      }
    }
    Path lock = LINT.resolve("package-lock.json");
    if (!Files.isExecutable(BPMNLINT) || Files.getLastModifiedTime(BPMNLINT).compareTo(Files.getLastModifiedTime(lock)) < 0) {
      Result ci = run(LINT, "npm", "ci", "--no-audit", "--no-fund");
      if (ci.exit() != 0) {
        throw new IllegalStateException("npm ci in lint/ failed (the npm registry must be reachable): " + ci.output());
      }
      // npm may keep the packages' own (old) modification times; this marks the install as newer than the lock file.
      Files.setLastModifiedTime(BPMNLINT, FileTime.fromMillis(System.currentTimeMillis()));
    }
    node = "node";
    Result system = run(LINT, node, BPMNLINT_JS.toAbsolutePath().toString(), "--help");
    if (startsTheLinter(system)) {
      return;
    }
    node = FALLBACK_NODE_DIR.resolve("node_modules/.bin/node").toAbsolutePath().toString();
    if (!Files.isExecutable(Path.of(node))) {
      Files.createDirectories(FALLBACK_NODE_DIR);
      String prefix = FALLBACK_NODE_DIR.toAbsolutePath().toString();
      Result install = run(FALLBACK_NODE_DIR, "npm", "install", "--prefix", prefix, "--no-save", "--no-package-lock",
          "--no-audit", "--no-fund", FALLBACK_NODE);
      if (install.exit() != 0) {
        throw new IllegalStateException("The machine's Node.js cannot run bpmnlint (it needs Node.js 20.19+ or 22.12+): "
            + system.output() + "\nand " + FALLBACK_NODE + " could not be installed from the npm registry into "
            + FALLBACK_NODE_DIR + ": " + install.output());
      }
    }
    Result fallback = run(LINT, node, BPMNLINT_JS.toAbsolutePath().toString(), "--help");
    if (!startsTheLinter(fallback)) {
      throw new IllegalStateException("Neither the machine's Node.js nor " + FALLBACK_NODE + " in " + FALLBACK_NODE_DIR
          + " starts bpmnlint (install Node.js 20.19+ or 22.12+): " + system.output() + "\n" + fallback.output());
    }
  }

  @Test
  void everyModelPassesBpmnlintAndTheCamunda724RulesWithoutErrors() throws Exception {
    List<String> models = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      files.filter(p -> p.toString().endsWith(".bpmn")).sorted().forEach(p -> models.add(p.toAbsolutePath().toString()));
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(5);
    Result lint = lint(models);
    System.out.println("bpmnlint over processes/:\n" + lint.output());
    assertThat(lint.exit()).as(lint.output()).isZero();
    assertThat(lint.output()).as(lint.output()).doesNotContain("  error  ");
    Matcher summary = SUMMARY.matcher(lint.output());
    if (summary.find()) {
      assertThat(summary.group(1)).as(lint.output()).isEqualTo("0");
    }
  }

  @Test
  void theGateFailsAModelThatBreaksTheRules(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.bpmn");
    Files.writeString(broken, """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            id="d" targetNamespace="http://bpmn.io/schema/bpmn"
            modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="orphan" name="どこにもつながらない" />
          </bpmn:process>
        </bpmn:definitions>
        """, StandardCharsets.UTF_8);
    Result lint = lint(List.of(broken.toString()));
    assertThat(lint.exit()).as(lint.output()).isEqualTo(1);
    assertThat(lint.output()).as(lint.output())
        .containsPattern("broken\\s+error\\s+Process is missing end event\\s+end-event-required")
        .containsPattern("orphan\\s+error\\s+Element is not connected\\s+no-disconnected")
        // the plug-in's configuration is in force too: the process has no history time to live
        .containsPattern("broken\\s+info\\s+.*historyTimeToLive.*camunda-compat/history-time-to-live");
    Matcher summary = SUMMARY.matcher(lint.output());
    assertThat(summary.find()).as(lint.output()).isTrue();
    assertThat(Integer.parseInt(summary.group(1))).isPositive();
  }

  private static Result lint(List<String> models) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(
        List.of(node, BPMNLINT_JS.toAbsolutePath().toString(), "--config", ".bpmnlintrc"));
    command.addAll(models);
    return run(LINT, command.toArray(String[]::new));
  }

  private static boolean startsTheLinter(Result help) {
    return help.exit() == 0 && help.output().contains("--config");
  }

  record Result(int exit, String output) {
  }

  private static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(127, String.join(" ", command) + ": " + e.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }
}
