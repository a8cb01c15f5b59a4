package io.cloudshift.testing;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Configs for tests: the bundled conf/cloudshift.conf with overrides (paths into @TempDir, …). */
public final class TestConfigs {
  public static final Path BUNDLED = Path.of("conf", "cloudshift.conf");

  private TestConfigs() {}

  public static CloudshiftConfig bundled(Map<String, String> overrides) {
    return ConfigLoader.load(List.of(BUNDLED), overrides);
  }

  /** The bundled providers and rules, but only the given exports (HOCON list text). */
  public static CloudshiftConfig withExports(String exportsHocon, Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    all.put("exports", exportsHocon);
    return bundled(all);
  }

  /** One CSV export of a single provider, read from {@code dir}. */
  public static CloudshiftConfig singleCsvExport(String exportId, String provider, Path dir) {
    return withExports(
        "[{ id = "
            + exportId
            + ", provider = "
            + provider
            + ", format = csv, path = \""
            + dir
            + "\" }]",
        Map.of());
  }
}
