package io.cloudshift.config;

/**
 * Who is running and for which period: the run id (the scheduler's, so a retry of the same
 * scheduled run writes identical rows, or a fresh UUID), the job name and the billing period.
 */
public record RunContext(String runId, String job, BillingPeriodRange period) {

  /**
   * The run as one stage sees it: the stage is the job, and the period is the one the stage covers
   * (the run's for a stage that honours --period, every month for a stage that recomputes all).
   */
  public RunContext forStage(String stage, boolean honoursPeriod) {
    return new RunContext(runId, stage, honoursPeriod ? period : BillingPeriodRange.all());
  }

  /**
   * What every Delta commit carries as userMetadata, so DESCRIBE HISTORY links back to the run, the
   * stage that wrote it and the months it covered.
   */
  public String commitMetadata() {
    return "{\"run_id\":\"" + runId.replace("\"", "'") + "\",\"job\":\"" + job + "\",\"period\":\"" + period + "\"}";
  }
}
