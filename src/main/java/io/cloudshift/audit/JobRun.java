package io.cloudshift.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One row of {@code job_runs}: what a run read, wrote and rejected, and how it ended. */
public record JobRun(
    String runId,
    String job,
    String status,
    String logicalPeriod,
    Instant startedAt,
    Instant finishedAt,
    String configHash,
    List<InputCount> inputs,
    List<DeliveryOutcome> deliveries,
    Map<String, Long> tableVersions,
    String message,
    LocalDate asOf) {

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  public long rowsIn() {
    return inputs.stream().mapToLong(InputCount::rowsIn).sum();
  }

  public long rowsSilver() {
    return inputs.stream().mapToLong(InputCount::rowsSilver).sum();
  }

  public long rowsQuarantine() {
    return inputs.stream().mapToLong(InputCount::rowsQuarantine).sum();
  }

  public long rowsUnattributed() {
    return inputs.stream().mapToLong(InputCount::rowsUnattributed).sum();
  }

  /** Quarantined share of the rows in scope; 0 when nothing was in scope. */
  public double rejectRatio() {
    long inScope = rowsSilver() + rowsQuarantine();
    return inScope == 0 ? 0.0 : (double) rowsQuarantine() / inScope;
  }
}
