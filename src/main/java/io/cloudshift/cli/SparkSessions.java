package io.cloudshift.cli;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.NioLocalFileSystem;
import io.cloudshift.io.SparkJobs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a run: Delta on, UTC, the configured master unless spark-submit
 * set one.
 */
public final class SparkSessions {
  /**
   * Settings cloudshift's workload needs, each applied unless spark-submit ({@code --conf}) or
   * {@code cloudshift.spark.conf} sets the key, so an operator can always override them.
   */
  public static final Map<String, String> TUNING = tuning();

  private SparkSessions() {}

  public static SparkSession create(CloudshiftConfig config, String appName) {
    return create(config, appName, Map.of());
  }

  /**
   * @param settings applied over spark-submit's and the config's: what the command itself decides
   *     (the SQL server's address)
   */
  public static SparkSession create(
      CloudshiftConfig config, String appName, Map<String, String> settings) {
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!submitted.contains("spark.master")) {
      builder.master(config.sparkMaster());
    }
    TUNING.forEach(
        (key, value) -> {
          if (!submitted.contains(key) && !config.sparkConf().containsKey(key)) {
            builder.config(key, value);
          }
        });
    config.sparkConf().forEach(builder::config);
    settings.forEach(builder::config);
    return withDelta(builder)
        .config("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
        .getOrCreate();
  }

  /** Settings every cloudshift session needs, shared with the tests' session. */
  public static SparkSession.Builder withDelta(SparkSession.Builder builder) {
    return builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Month boundaries are UTC (docs/ingest.md, "How ingest reads FOCUS"): never the machine's
        // zone.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "true");
  }

  private static Map<String, String> tuning() {
    Map<String, String> tuning = new LinkedHashMap<>();
    // Every read and write of a Delta table rebuilds its snapshot with this many tasks (default
    // 50). cloudshift's logs hold at most thousands of actions, so 50 tasks were pure overhead: on
    // the bundled run they were two thirds of all task time.
    tuning.put("spark.databricks.delta.snapshotPartitions", "2");
    // Ingest passes explicit file lists (an export's months); above this many paths Spark lists
    // them with a Spark job of its own, which costs more than listing a few hundred files on the
    // driver.
    tuning.put("spark.sql.sources.parallelPartitionDiscovery.threshold", "512");
    // Delta's VACUUM lists a table's folders with this many tasks whatever the table's size
    // (Spark's default, 10,000): on two cores that was about a minute per table (maintain).
    tuning.put("spark.sql.sources.parallelPartitionDiscovery.parallelism", "16");
    // Most of cloudshift's queries are over small data (aggregates of about a thousand rows,
    // curated CSVs, the bundled exports): compiling generated code for them (Janino, then the JIT)
    // cost more than evaluating their rows, about a third of the bundled run. Ingest turns code
    // generation back on for inputs above cloudshift.ingest.small-input-max-bytes
    // (SparkJobs#compiled).
    tuning.put(SparkJobs.WHOLE_STAGE_CODEGEN, "false");
    tuning.put(SparkJobs.CODEGEN_FACTORY_MODE, "NO_CODEGEN");
    // lower()/upper() through the JVM, not ICU: the first ICU call loaded break-iterator
    // dictionaries for most of a second (JFR), and the values cased are identifiers and codes.
    tuning.put("spark.sql.icu.caseMappings.enabled", "false");
    // Ingest's row expressions (normalize, parse, check, attribute) make whole-stage generated
    // methods larger than HotSpot compiles (8,000 bytes of bytecode): they ran interpreted, at a
    // tenth of the speed. Above this size Spark falls back to smaller, compiled methods (the
    // setting Spark's tuning guide recommends on HotSpot).
    tuning.put("spark.sql.codegen.hugeMethodLimit", "8000");
    // Joins are of small aggregates held in one partition (DeltaTableWriter#readSmall) or broadcast
    // on purpose (ingest's SKU rule table); broadcasting by size estimate only added a job per
    // join.
    tuning.put("spark.sql.autoBroadcastJoinThreshold", "-1");
    // Spark masks the values of matching keys in event logs and the UI's environment page; its
    // default (secret|password|token|access key) misses Azure account keys and S3 encryption keys.
    tuning.put(
        "spark.redaction.regex",
        "(?i)secret|password|token|access[.]?key|account[.]key|encryption[.]key|credential");
    // Constraint propagation infers filters from every alias of every projection: on ingest's wide
    // plans (one CASE per check, one per rule) it was the largest single cost of planning.
    tuning.put("spark.sql.constraintPropagation.enabled", "false");
    // What cloudshift caches is small (inputs under ingest.small-input-max-bytes, aggregates):
    // compressing the cached columns cost more time than the memory it saved.
    tuning.put("spark.sql.inMemoryColumnarStorage.compressed", "false");
    // Local paths through java.nio rather than a forked chmod/readlink per file
    // (NioLocalFileSystem).
    tuning.put("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
    tuning.put(
        "spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFileSystem.Fs.class.getName());
    // Hadoop caches file systems per scheme; one created before the session (by spark-submit
    // itself)
    // would keep the stock class.
    tuning.put("spark.hadoop.fs.file.impl.disable.cache", "true");
    return java.util.Collections.unmodifiableMap(tuning);
  }
}
