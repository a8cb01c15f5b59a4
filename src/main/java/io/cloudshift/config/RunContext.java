package io.cloudshift.config;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Who is running and for which period: the run id (the scheduler's, so a retry of the same
 * scheduled run writes identical rows, or a fresh UUID), the job name, the billing period, and the
 * as-of date, the day whose terms are "current" ({@code partnership_terms.is_current}).
 */
public record RunContext(String runId, String job, BillingPeriodRange period, LocalDate asOf) {

  /** A run as of today (UTC). */
  public RunContext(String runId, String job, BillingPeriodRange period) {
    this(runId, job, period, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * The run as one stage sees it: the stage is the job, and the period is the one the stage covers
   * (the run's for a stage that honours --period, every month for a stage that recomputes all).
   */
  public RunContext forStage(String stage, boolean honoursPeriod) {
    return new RunContext(runId, stage, honoursPeriod ? period : BillingPeriodRange.all(), asOf);
  }

  /**
   * What every Delta commit carries as userMetadata, so DESCRIBE HISTORY links back to the run, the
   * stage that wrote it and the months it covered.
   */
  public String commitMetadata() {
    return "{\"run_id\":\""
        + runId.replace("\"", "'")
        + "\",\"job\":\""
        + job
        + "\",\"period\":\""
        + period
        + "\"}";
  }
}
