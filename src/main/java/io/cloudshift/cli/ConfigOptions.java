package io.cloudshift.cli;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that choose the configuration, taken by every command that reads one: the jobs
 * (through {@link CommonOptions}) and {@code sql-server}.
 */
public final class ConfigOptions {
  private static final Path DEFAULT_CONF = Path.of("conf", "cloudshift.conf");

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

  /**
   * The layered configuration: defaults, the --config files, then --set and {@code settings} (what
   * the command's own flags set, e.g. catalog.register).
   */
  CloudshiftConfig load(Map<String, String> settings) {
    List<Path> files = new ArrayList<>(configFiles);
    if (files.isEmpty() && Files.isRegularFile(DEFAULT_CONF)) {
      files.add(DEFAULT_CONF);
    }
    Map<String, String> all = new LinkedHashMap<>(overrides);
    if (warehouse != null) {
      all.put("warehouse", warehouse);
    }
    all.putAll(settings);
    return ConfigLoader.load(files, all);
  }
}
