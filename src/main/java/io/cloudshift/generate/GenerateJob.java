package io.cloudshift.generate;

import io.cloudshift.config.CloudshiftConfig;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The {@code generate} capability (README.md#commands): synthetic FOCUS billing exports, seeded and
 * deterministic, of any size, with planted share shifts whose true values are known.
 *
 * <p>For every export of the configuration that has a fixed provider (the multi-provider FinOps
 * sample is skipped) it writes one file per billing month to {@code <output>/<export
 * id>/billing_period=YYYY-MM/<export id>-YYYY-MM.csv.gz} (gzipped CSV) or {@code .parquet} (typed,
 * written with parquet-hadoop), the planted truth to {@code <output>/_truth/} and a README
 * describing the data to {@code <output>/README.md}. The output is a {@link GeneratedFolder}:
 * local, never where an export is read from, never over data generate did not write, and replaced
 * only once the new data is complete.
 *
 * <p>The same options give byte-identical CSV files and identical truth files. The seed and the row
 * count change only how amounts are spread over rows, never the monthly amounts. No Spark is
 * involved: files are generated on as many threads as the machine has processors.
 */
public final class GenerateJob {
  private final CloudshiftConfig config;
  private final GeneratorOptions options;

  public GenerateJob(CloudshiftConfig config, GeneratorOptions options) {
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * @throws UnsafeOutputException before anything is written, when the output is not generate's to
   *     write
   */
  public GenerateResult execute() {
    GeneratedFolder folder = GeneratedFolder.of(options.outputRoot(), config.exports());
    return folder.write(
        staging -> {
          GenerateResult written =
              new SyntheticDatasetWriter(
                      config,
                      options,
                      new OutputFiles(new Configuration()),
                      Runtime.getRuntime().availableProcessors())
                  .write(new Path(staging.toUri()));
          return new GenerateResult(
              written.rowsWritten(),
              written.filesWritten(),
              folder.path().toString(),
              folder.path().resolve(TruthFiles.DIRECTORY).toString());
        });
  }
}
