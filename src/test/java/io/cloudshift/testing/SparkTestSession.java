package io.cloudshift.testing;

import io.cloudshift.cli.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test JVM (small shuffles, no UI, UTC, Delta on). */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      SparkSession.Builder builder =
          SparkSession.builder().master("local[2]").appName("cloudshift-tests");
      // The same tuning as a run's session (snapshot partitions, local file system without forks,
      // …).
      SparkSessions.TUNING.forEach(builder::config);
      session =
          SparkSessions.withDelta(builder)
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
