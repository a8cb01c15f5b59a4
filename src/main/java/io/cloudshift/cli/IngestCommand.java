package io.cloudshift.cli;

import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
      "FOCUS billing exports, attribution rules, partnership records, lab revenue and provider disclosures",
      "into the silver tables, rejected rows into quarantine, one row into job_runs (SPEC §2, §3)."
    })
final class IngestCommand extends StageCommand {
  @Override
  Stage stage() {
    return Stage.INGEST;
  }
}
