package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(name = "uplift", mixinStandardHelpOptions = true,
    description = {
      "Actual vs counterfactual provider net revenue for every terms change: uplift_monthly and",
      "uplift_quarterly with volume / share / margin effects, break-even share and the inbound share (SPEC §4)."
    })
final class UpliftCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.UPLIFT;
  }
}
