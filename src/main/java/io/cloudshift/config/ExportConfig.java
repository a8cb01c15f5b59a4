package io.cloudshift.config;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * One FOCUS billing export. The provider of its rows comes from here, never from a row column,
 * except for a multi-provider file that names {@code providerColumn} and maps its values. {@code
 * delivery} says how its files group into deliveries (docs/ingest.md, "Delivery model"); {@code
 * encoding} is the character set of its CSV files.
 */
public record ExportConfig(
    String id,
    String path,
    Format format,
    Optional<String> provider,
    Optional<String> providerColumn,
    Map<String, String> providerValues,
    Delivery delivery,
    Charset encoding) {

  public enum Format {
    CSV,
    PARQUET
  }

  /**
   * What one export run writes: every file of one folder ({@code FOLDER}, the providers' run or
   * billing-period folders) or a single file ({@code FILE}, exports that write each run to a new
   * file beside the earlier ones).
   */
  public enum Delivery {
    FOLDER,
    FILE
  }
}
