package io.cloudshift.io;

import java.util.List;

/** One input file of an export and the column names its header (or Parquet schema) declares, as written. */
public record FocusFile(String path, List<String> columns) {}
