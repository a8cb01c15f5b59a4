package io.cloudshift.cli;

import io.cloudshift.config.CloudshiftConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession of a run: Delta on, UTC, the configured master unless spark-submit set one. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(CloudshiftConfig config, String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master(config.sparkMaster());
    }
    config.sparkConf().forEach(builder::config);
    return withDelta(builder)
        .config("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
        .getOrCreate();
  }

  /** Settings every cloudshift session needs, shared with the tests' session. */
  public static SparkSession.Builder withDelta(SparkSession.Builder builder) {
    return builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Month boundaries are UTC (reference/focus.md §2.7): never the machine's zone.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "true");
  }
}
