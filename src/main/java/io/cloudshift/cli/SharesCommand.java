package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(
    name = "shares",
    mixinStandardHelpOptions = true,
    description = {
      "Computes each lab's spend shares and concentration by provider.",
      "Reads charges_monthly and the terms, and writes lab_provider_monthly,"
          + " lab_concentration_monthly, provider_lab_mix_quarterly and share_shift_events,"
          + " recomputed over every month. See docs/methodology.md."
    })
final class SharesCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.SHARES;
  }
}
