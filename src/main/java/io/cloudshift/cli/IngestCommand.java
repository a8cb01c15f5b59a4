package io.cloudshift.cli;

import io.cloudshift.config.BillingPeriodRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the inputs into the silver and quarantine tables.",
      "The FOCUS billing exports, the attribution rules, the partnership records, the lab revenue"
          + " and the provider disclosures become the silver tables and charges_monthly, for the"
          + " months of --period; rejected rows go to the quarantine tables, and the stage appends"
          + " one row to job_runs. See docs/ingest.md."
    })
final class IngestCommand extends StageCommand {
  @Mixin PeriodOption period;

  @Override
  BillingPeriodRange period() {
    return period.range();
  }

  @Override
  Stage stage() {
    return Stage.INGEST;
  }
}
