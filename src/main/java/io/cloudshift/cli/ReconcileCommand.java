package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Compares lab-attributed revenue with the providers' public disclosures.",
      "Writes revenue_reconciliation, one row per provider and quarter. See docs/methodology.md."
    })
final class ReconcileCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.RECONCILE;
  }
}
