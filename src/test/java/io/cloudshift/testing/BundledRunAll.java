package io.cloudshift.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's run command for real, once per test JVM: {@code bin/cloudshift run-all} on the
 * bundled data (PySpark's spark-submit, local[*], the shaded jar) into
 * target/launcher-it-warehouse. LauncherIT checks what it printed and wrote; the crash and cluster
 * tests compare their tables with its tables. It runs with fake secrets in the environment and in
 * --set keys, which must appear nowhere (docs/guarantees.md).
 */
public final class BundledRunAll {
  public static final String RUN_ID = "launcher-it";
  public static final String ENV_SECRET = "fake-env-secret-7f3a9c";
  public static final String SET_SECRET = "fake-set-secret-51d0e8";

  /** A relative warehouse, like the README's default ./warehouse, but inside target/. */
  private static final Path WAREHOUSE = Path.of("target", "launcher-it-warehouse");

  private static BundledRunAll instance;

  private final int exitCode;
  private final String stdout;
  private final String stderr;

  private BundledRunAll(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static synchronized BundledRunAll get() throws InterruptedException {
    if (instance == null) {
      deleteOwnWarehouse();
      ChildProcess run =
          cloudshift(
              "run-all",
              Map.of("CLOUDSHIFT_IT_SECRET", ENV_SECRET),
              WAREHOUSE.resolveSibling("launcher-it-logs"),
              "run-all",
              "--warehouse",
              WAREHOUSE.toString(),
              "--run-id",
              RUN_ID,
              "--set",
              "spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=${CLOUDSHIFT_IT_SECRET}",
              "--set",
              "spark.conf.\"spark.hadoop.fs.azure.account.key.itacct.dfs.core.windows.net\"="
                  + SET_SECRET,
              "--set",
              "spark.conf.\"spark.hadoop.fs.s3a.encryption.key\"=" + SET_SECRET);
      int exitCode = run.waitFor(Duration.ofMinutes(15));
      instance = new BundledRunAll(exitCode, run.stdout(), run.stderr());
    }
    return instance;
  }

  /**
   * Starts bin/cloudshift with {@code args}; output in {@code logs}/{@code name}.{out,err}. Without
   * the class-data archive: a per-machine cache whose first run-all is ~30 s slower, the
   * benchmark's business, not the tests'.
   */
  public static ChildProcess cloudshift(
      String name, Map<String, String> environment, Path logs, String... args) {
    List<String> command = new ArrayList<>(List.of("bin/cloudshift"));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(environment);
    env.put("CLOUDSHIFT_CDS", "off");
    // The jar `mvn package` built for this test run: bin/cloudshift must not rebuild it from
    // sources edited meanwhile.
    env.putIfAbsent(
        "CLOUDSHIFT_JAR", Path.of("target", "cloudshift.jar").toAbsolutePath().toString());
    return ChildProcess.start(name, command, env, logs);
  }

  public int exitCode() {
    return exitCode;
  }

  public String stdout() {
    return stdout;
  }

  public String stderr() {
    return stderr;
  }

  /** The warehouse, absolute. */
  public Path warehouse() {
    return WAREHOUSE.toAbsolutePath();
  }

  /** Only ever the run's own folder under target/, left by an earlier test JVM. */
  private static void deleteOwnWarehouse() {
    if (!Files.exists(WAREHOUSE)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(WAREHOUSE)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
