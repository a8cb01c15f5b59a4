package io.cloudshift.cli;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Option;

/** Options every job subcommand takes: configuration layers, warehouse, period and run id. */
public final class CommonOptions {
  static final Path DEFAULT_CONF = Path.of("conf", "cloudshift.conf");

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "HOCON config file; repeat to layer several (later wins). Default: conf/cloudshift.conf when it exists.")
  List<Path> configFiles = new ArrayList<>();

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Override one config key, e.g. --set warehouse=s3a://bucket/wh (the 'cloudshift.' prefix is optional). Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = {"-w", "--warehouse"}, paramLabel = "PATH",
      description = "Root of the Delta tables (local path or s3a://…); same as --set warehouse=PATH.")
  String warehouse;

  @Option(names = {"-p", "--period"}, paramLabel = "YYYY-MM[:YYYY-MM]",
      description = "Billing month or inclusive range to (re)process; default: every month in the inputs.")
  String period;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id recorded in every table and in job_runs; pass the scheduler's run id so retries are identical. Default: a new UUID.")
  String runId;

  @Option(names = "--register-tables",
      description = "Register every table in the Spark catalog as cloudshift.<table> (database: cloudshift.catalog.database); same as --set catalog.register=true.")
  boolean registerTables;

  CloudshiftConfig loadConfig() {
    List<Path> files = new ArrayList<>(configFiles);
    if (files.isEmpty() && Files.isRegularFile(DEFAULT_CONF)) {
      files.add(DEFAULT_CONF);
    }
    Map<String, String> all = new LinkedHashMap<>(overrides);
    if (warehouse != null) {
      all.put("warehouse", warehouse);
    }
    if (registerTables) {
      all.put("catalog.register", "true");
    }
    return ConfigLoader.load(files, all);
  }

  BillingPeriodRange periodRange() {
    return period == null ? BillingPeriodRange.all() : BillingPeriodRange.parse(period);
  }

  String runIdOrNew() {
    return runId == null || runId.isBlank() ? UUID.randomUUID().toString() : runId;
  }
}
