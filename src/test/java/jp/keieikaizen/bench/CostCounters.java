package jp.keieikaizen.bench;

import java.lang.management.ManagementFactory;

/**
 * What a phase of the harness cost, counted rather than estimated: the SQL statements and transactions of the counted
 * work ({@link SqlCounter}: starts, completions, documents filed and jobs, not the harness's look-ups) and the CPU time
 * of this whole JVM.
 */
final class CostCounters {

  /** The counters at one moment. */
  record Reading(long statements, long transactions, long cpuNanos, java.util.Map<String, Long> byWork) {
  }

  /** The difference of two readings; statements by kind of work (start, documents, completion, job). */
  record Cost(long statements, long transactions, double cpuSeconds, java.util.Map<String, Long> byWork) {
  }

  private CostCounters() {
  }

  static Reading read() {
    java.util.Map<String, Long> byWork = new java.util.TreeMap<>();
    SqlCounter.BY_WORK.forEach((kind, count) -> byWork.put(kind, count.get()));
    return new Reading(SqlCounter.STATEMENTS.get(), SqlCounter.TRANSACTIONS.get(), cpuNanos(), byWork);
  }

  static Cost since(Reading before) {
    Reading now = read();
    java.util.Map<String, Long> byWork = new java.util.TreeMap<>();
    now.byWork().forEach((kind, count) -> byWork.put(kind, count - before.byWork().getOrDefault(kind, 0L)));
    return new Cost(now.statements() - before.statements(), now.transactions() - before.transactions(),
        (now.cpuNanos() - before.cpuNanos()) / 1e9, byWork);
  }

  /** This JVM's CPU time (all threads), in nanoseconds. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
