package io.cloudshift.audit;

/**
 * Row accounting of one input file in one run. Conservation (docs/guarantees.md): {@code rowsIn =
 * rowsSilver + rowsQuarantine + rowsOutOfScope + rowsSuperseded}, where for FOCUS files {@code
 * rowsIn} is the file's records as counted without Spark, silver and quarantine rows are those the
 * tables hold after the run (ChargeIngest checks both before recording), out-of-scope rows are
 * those of another billing period than the one a period-scoped run was asked for, and superseded
 * rows those of a month a later delivery of the export also holds.
 */
public record InputCount(
    String dataset,
    String exportId,
    String sourceFile,
    long rowsIn,
    long rowsSilver,
    long rowsQuarantine,
    long rowsOutOfScope,
    long rowsSuperseded,
    long rowsUnattributed) {

  /**
   * Whether the rows counted in the file (without Spark) are exactly the rows placed: silver,
   * quarantine, out of scope, superseded.
   */
  public boolean conserved() {
    return rowsIn == rowsSilver + rowsQuarantine + rowsOutOfScope + rowsSuperseded;
  }

  public InputCount withUnattributed(long unattributed) {
    return new InputCount(
        dataset,
        exportId,
        sourceFile,
        rowsIn,
        rowsSilver,
        rowsQuarantine,
        rowsOutOfScope,
        rowsSuperseded,
        unattributed);
  }
}
