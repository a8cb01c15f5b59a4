package io.cloudshift.audit;

/**
 * Row accounting of one input file in one run. Conservation (SPEC §6):
 * {@code rowsIn = rowsSilver + rowsQuarantine + rowsOutOfScope}, where out-of-scope rows are those
 * of another billing period than the one a period-scoped run was asked for.
 */
public record InputCount(
    String dataset,
    String exportId,
    String sourceFile,
    long rowsIn,
    long rowsSilver,
    long rowsQuarantine,
    long rowsOutOfScope,
    long rowsUnattributed) {

  public boolean conserved() {
    return rowsIn == rowsSilver + rowsQuarantine + rowsOutOfScope;
  }
}
