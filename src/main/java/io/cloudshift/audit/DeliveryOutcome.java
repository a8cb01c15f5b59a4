package io.cloudshift.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * What a run did with one (export, billing month) slice, recorded in {@code job_runs.deliveries}:
 * which delivery it ingested, which older ones it passed over, or that no delivery holds the month
 * any more and its rows were removed. {@code billingMonth} is null when the delivery names no month
 * and its rows were not read (a held-back delivery of a layout without {@code billing_period=}
 * folders); {@code filePaths} lists the files of a held-back delivery (the files of the others are
 * in {@code job_runs.inputs}).
 */
public record DeliveryOutcome(
    String exportId,
    YearMonth billingMonth,
    Status status,
    String delivery,
    Instant modifiedAt,
    int files,
    Long rows,
    List<String> filePaths) {
  public enum Status {
    /** The latest delivery of the month; its rows replaced the slice. */
    INGESTED,
    /** An older delivery of a month another delivery won: not ingested. */
    SUPERSEDED,
    /** Silver held the month but no delivery does any more: the slice was removed. */
    WITHDRAWN,
    /** A file of the delivery cannot be read: its export's slices were left as they were. */
    HELD_BACK
  }

  public DeliveryOutcome {
    filePaths = List.copyOf(filePaths);
  }

  /** An outcome whose files are listed in job_runs.inputs (or which has none). */
  public DeliveryOutcome(
      String exportId,
      YearMonth billingMonth,
      Status status,
      String delivery,
      Instant modifiedAt,
      int files,
      Long rows) {
    this(exportId, billingMonth, status, delivery, modifiedAt, files, rows, List.of());
  }
}
