package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(name = "project", mixinStandardHelpOptions = true,
    description = "Forward uplift per scenario of cloudshift.scenarios: uplift_projection and its sensitivity grid (SPEC §4).")
final class ProjectCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.PROJECT;
  }
}
