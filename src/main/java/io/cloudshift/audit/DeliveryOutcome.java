package io.cloudshift.audit;

import java.time.Instant;
import java.time.YearMonth;

/**
 * What a run did with one (export, billing month) slice, recorded in {@code job_runs.deliveries}:
 * which delivery it ingested, which older ones it passed over, or that no delivery holds the
 * month any more and its rows were removed.
 */
public record DeliveryOutcome(String exportId, YearMonth billingMonth, Status status, String delivery, Instant modifiedAt, int files, Long rows) {
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
}
