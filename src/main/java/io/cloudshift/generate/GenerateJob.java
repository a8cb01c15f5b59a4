package io.cloudshift.generate;

import io.cloudshift.config.CloudshiftConfig;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code generate} capability (SPEC §5): synthetic FOCUS billing exports, seeded and
 * deterministic, of any size, with planted share shifts whose true values are known.
 *
 * <p>For every export of the configuration that has a fixed provider (the multi-provider FinOps
 * sample is skipped) it writes one file per billing month to
 * {@code <export dir>/billing_period=YYYY-MM/<export id>-YYYY-MM.csv.gz} (gzipped CSV) or
 * {@code .parquet} (typed, written with parquet-hadoop). The export directory is the export's
 * configured path when {@code options.outputRoot()} is the default {@value
 * GeneratorOptions#DEFAULT_OUTPUT_ROOT} (so the data lands where the configuration reads it), and
 * {@code <outputRoot>/<export id>} otherwise. Each export directory is emptied first, so
 * regenerating never leaves stale months. The planted truth goes to {@code <outputRoot>/_truth/}
 * and a README describing the data to {@code <outputRoot>/README.md}.
 *
 * <p>The same options give byte-identical CSV files and identical truth files. The seed and the
 * row count change only how amounts are spread over rows, never the monthly amounts.
 */
public final class GenerateJob {
  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final GeneratorOptions options;

  public GenerateJob(SparkSession spark, CloudshiftConfig config, GeneratorOptions options) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * No Spark job runs: Spark supplies the Hadoop configuration (file systems such as s3a and their
   * settings) and its default parallelism (the driver's cores under local[*]), the number of files
   * generated at once.
   */
  public GenerateResult execute() {
    OutputFiles files = new OutputFiles(spark.sparkContext().hadoopConfiguration());
    return new SyntheticDatasetWriter(config, options, files, spark.sparkContext().defaultParallelism()).write();
  }
}
