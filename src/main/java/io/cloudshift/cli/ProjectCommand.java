package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = {
      "Projects the uplift forward for each configured scenario.",
      "Writes uplift_projection and uplift_projection_sensitivity from cloudshift.scenarios. See"
          + " docs/methodology.md."
    })
final class ProjectCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.PROJECT;
  }
}
