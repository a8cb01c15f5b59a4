package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(
    name = "uplift",
    mixinStandardHelpOptions = true,
    description = {
      "Estimates what each terms change gained or cost the provider.",
      "Writes uplift_monthly and uplift_quarterly: actual against counterfactual net revenue, the"
          + " volume, share and margin effects, the break-even share and the inbound share,"
          + " recomputed over every month. See docs/methodology.md."
    })
final class UpliftCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.UPLIFT;
  }
}
