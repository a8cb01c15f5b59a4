package io.cloudshift.config;

/**
 * Who is running and for which period: the run id (the scheduler's, so a retry of the same
 * scheduled run writes identical rows, or a fresh UUID), the job name and the billing period.
 */
public record RunContext(String runId, String job, BillingPeriodRange period) {

  /** What every Delta commit of the run carries as userMetadata, so DESCRIBE HISTORY links back. */
  public String commitMetadata() {
    return "{\"run_id\":\"" + runId.replace("\"", "'") + "\",\"job\":\"" + job + "\",\"period\":\"" + period + "\"}";
  }
}
