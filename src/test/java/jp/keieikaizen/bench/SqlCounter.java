package jp.keieikaizen.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements and transactions the application sends while a thread does counted work (a start, a
 * completion, a document filed, a job), and not the harness's own look-ups of the next task or job: the data source
 * is wrapped (a {@link BeanPostProcessor} of the benchmark) and each statement executed, each commit and each rollback
 * on a counting thread is added up. Batched statements count one per row.
 */
final class SqlCounter {

  static final AtomicLong STATEMENTS = new AtomicLong();
  static final AtomicLong TRANSACTIONS = new AtomicLong();
  /** Statements per kind of work (start, documents, completion, job), for the harness's breakdown. */
  static final java.util.Map<String, AtomicLong> BY_WORK = new java.util.concurrent.ConcurrentHashMap<>();
  /** With -Dperf.sqlLog=FILE, each counted statement's work and SQL text is appended there (for reading, not timing). */
  private static final java.io.PrintWriter LOG = openLog(System.getProperty("perf.sqlLog"));
  private static final ThreadLocal<String> COUNTING = new ThreadLocal<>();
  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "addBatch");
  private static volatile boolean installed;

  private SqlCounter() {
  }

  static boolean installed() {
    return installed;
  }

  /** Runs the work with its statements counted under its kind. */
  static <T> T counted(String kind, Callable<T> work) throws Exception {
    String outer = COUNTING.get();
    COUNTING.set(kind);
    try {
      return work.call();
    } finally {
      COUNTING.set(outer);
    }
  }

  /** Wraps the application's data source when the benchmark's context starts. */
  static BeanPostProcessor wrapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource target && "dataSource".equals(name)) {
          installed = true;
          return proxy(DataSource.class, target);
        }
        return bean;
      }
    };
  }

  private static <T> T proxy(Class<T> type, Object target) {
    return proxy(type, target, null);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, String sql) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, new Handler(target, sql));
  }

  private static java.io.PrintWriter openLog(String file) {
    try {
      return file == null ? null : new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(file)), true);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void log(String kind, String sql) {
    if (LOG != null) {
      synchronized (LOG) {
        LOG.println(kind + "\t" + Thread.currentThread().getName() + "\t" + (sql == null ? "?" : sql.replaceAll("\\s+", " ")));
      }
    }
  }

  private record Handler(Object target, String sql) implements InvocationHandler {
    Handler(Object target) {
      this(target, null);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      String kind = COUNTING.get();
      if (kind != null) {
        if (target instanceof Statement && EXECUTIONS.contains(name)) {
          STATEMENTS.incrementAndGet();
          BY_WORK.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
          log(kind, args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
        } else if (target instanceof Connection && ("commit".equals(name) || "rollback".equals(name))) {
          TRANSACTIONS.incrementAndGet();
          log(kind, name.toUpperCase());
        }
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      String text = args != null && args.length > 0 && args[0] instanceof String t ? t : null;
      if (result instanceof CallableStatement) {
        return proxy(CallableStatement.class, result, text);
      }
      if (result instanceof PreparedStatement) {
        return proxy(PreparedStatement.class, result, text);
      }
      if (result instanceof Statement) {
        return proxy(Statement.class, result);
      }
      if (result instanceof Connection && !"unwrap".equals(name)) {
        return proxy(Connection.class, result);
      }
      return result;
    }
  }
}
