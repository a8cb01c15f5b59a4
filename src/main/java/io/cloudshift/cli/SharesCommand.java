package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(name = "shares", mixinStandardHelpOptions = true,
    description = {
      "Silver charges into charges_monthly, then lab_provider_monthly, lab_concentration_monthly,",
      "provider_lab_mix_quarterly and share_shift_events (SPEC §3, §4)."
    })
final class SharesCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.SHARES;
  }
}
