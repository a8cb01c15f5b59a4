package io.cloudshift.cli;

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

/**
 * Options every job subcommand takes: configuration layers, warehouse, run id and catalog
 * registration.
 */
public final class CommonOptions {
  static final Path DEFAULT_CONF = Path.of("conf", "cloudshift.conf");

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "HOCON config file. Repeat it to layer several; the later wins. Default:"
              + " conf/cloudshift.conf when it exists.")
  List<Path> configFiles = new ArrayList<>();

  @Option(
      names = {"-s", "--set"},
      paramLabel = "KEY=VALUE",
      description =
          "Override one config key, e.g. --set warehouse=s3a://bucket/wh; the 'cloudshift.' prefix"
              + " is optional. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = {"-w", "--warehouse"},
      paramLabel = "PATH",
      description =
          "Root of the Delta tables, a local path or s3a://…; the same as --set warehouse=PATH.")
  String warehouse;

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

  String runIdOrNew() {
    return runId == null || runId.isBlank() ? UUID.randomUUID().toString() : runId;
  }
}
