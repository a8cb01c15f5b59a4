package io.cloudshift.cli;

import io.cloudshift.config.CloudshiftConfig;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every job subcommand takes: configuration layers, warehouse, run id and catalog
 * registration.
 */
public final class CommonOptions {
  @Mixin ConfigOptions configuration = new ConfigOptions();

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Run id recorded in every table and in job_runs. Pass the scheduler's run id, so a retry"
              + " writes identical rows. Default: a new UUID.")
  String runId;

  @Option(
      names = "--register-tables",
      description =
          "Register every table in the Spark catalog as cloudshift.<table> (the database is"
              + " cloudshift.catalog.database); the same as --set catalog.register=true.")
  boolean registerTables;

  /** The layered configuration these options name: defaults, the --config files, then --set. */
  public CloudshiftConfig loadConfig() {
    return configuration.load(registerTables ? Map.of("catalog.register", "true") : Map.of());
  }

  String runIdOrNew() {
    return runId == null || runId.isBlank() ? UUID.randomUUID().toString() : runId;
  }
}
