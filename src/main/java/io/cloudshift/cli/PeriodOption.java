package io.cloudshift.cli;

import io.cloudshift.config.BillingPeriodRange;
import picocli.CommandLine.Option;

/**
 * {@code --period}: taken only by the commands that process a period of billing months (ingest and
 * run-all). The gold stages recompute every month from charges_monthly, so they do not offer it.
 */
final class PeriodOption {
  @Option(
      names = {"-p", "--period"},
      paramLabel = "YYYY-MM[:YYYY-MM]",
      description =
          "Billing month or inclusive range to (re)process. Default: every month in the inputs.")
  String period;

  /** The requested months; every month when none was given. */
  BillingPeriodRange range() {
    try {
      return period == null ? BillingPeriodRange.all() : BillingPeriodRange.parse(period);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid --period: " + e.getMessage());
    }
  }
}
