package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Lab-attributed revenue per provider and quarter against public disclosures: revenue_reconciliation (SPEC §3).")
final class ReconcileCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.RECONCILE;
  }
}
