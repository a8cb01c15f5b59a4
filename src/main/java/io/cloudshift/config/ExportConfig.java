package io.cloudshift.config;

import java.util.Map;
import java.util.Optional;

/**
 * One FOCUS billing export. The provider of its rows comes from here, never from a row column,
 * except for a multi-provider file that names {@code providerColumn} and maps its values.
 */
public record ExportConfig(
    String id,
    String path,
    Format format,
    Optional<String> provider,
    Optional<String> providerColumn,
    Map<String, String> providerValues) {

  public enum Format {
    CSV,
    PARQUET
  }
}
