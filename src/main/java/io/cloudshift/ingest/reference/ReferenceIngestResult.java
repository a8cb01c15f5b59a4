package io.cloudshift.ingest.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ReferenceIngest#execute()} read and wrote: row counts per input file, and the Delta
 * version each table was left at (table name → version), in write order. Immutable.
 */
public record ReferenceIngestResult(List<InputFileCount> inputs, Map<String, Long> tableVersions) {
  public ReferenceIngestResult {
    inputs = List.copyOf(inputs);
    tableVersions = Collections.unmodifiableMap(new LinkedHashMap<>(tableVersions));
  }
}
