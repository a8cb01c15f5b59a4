package io.cloudshift.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.audit.JobRun;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.BundledPipeline;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TableContents;
import io.cloudshift.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md Idempotent, end to end and in one run: a month of the bundled run done again
 * (ingest of the charges and of every curated input, then every gold stage) under another run id,
 * on a copy of the build's bundled run, leaves every table with the rows it had. The curated inputs
 * are read again with OpenAI spelled {@code openai} in the partnership records and {@code OPENAI}
 * in the lab revenue (issue 20, item 1: the OpenAI events vanished when the spellings differed from
 * the attribution rules'), so the gold tables are also the same whatever the case of the lab names.
 * Rows are compared without run_id (each run has its own) and source_file (the respelled copies are
 * other files). Reruns of hand-made files are ChargeIngestTest's and ReferenceIngestTest's.
 */
class RerunEndToEndTest {
  private static final Set<String> PER_RUN_COLUMNS = Set.of(Columns.RUN_ID, Columns.SOURCE_FILE);

  @TempDir Path dir;

  @Test
  void aMonthRunAgainWithRespelledLabNamesLeavesEveryTableWithTheRowsItHad() throws IOException {
    BundledPipeline bundled = BundledPipeline.get();
    Path copy = dir.resolve("warehouse");
    BundledPipeline.copy(Path.of(bundled.warehouse().root()), copy);
    Set<String> audit = Set.of(Tables.JOB_RUNS);
    Map<String, String> before = TableContents.hashes(copy, audit, PER_RUN_COLUMNS);

    StageContext context =
        StageContext.of(
            SparkTestSession.get(),
            TestConfigs.bundled(
                Map.of(
                    "warehouse", copy.toString(),
                    "inputs.partnerships",
                        respelled(bundled.config().input("partnerships"), "openai"),
                    "inputs.lab-revenue",
                        respelled(bundled.config().input("lab-revenue"), "OPENAI"))),
            new Warehouse(copy.toString()),
            new RunContext("rerun", "run-all", BillingPeriodRange.parse("2024-09")));
    List<PipelineStage> stages = BundledPipeline.stages(context);
    StageRunner runner = new StageRunner(context, stages);
    List<JobRun> runs = stages.stream().map(runner::run).toList();

    assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo(JobRun.SUCCEEDED));
    assertThat(runs.get(0).inputs()).allSatisfy(f -> assertThat(f.conserved()).isTrue());
    assertThat(runs)
        .as("every table of the run committed again")
        .allSatisfy(r -> assertThat(r.tableVersions()).isNotEmpty());
    assertThat(TableContents.hashes(copy, audit, PER_RUN_COLUMNS)).isEqualTo(before);
  }

  /** A copy of a curated CSV with the lab OpenAI spelled {@code spelling}. */
  private String respelled(String input, String spelling) throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of(input)).stream()
            .map(l -> l.replace(",OpenAI,", "," + spelling + ","))
            .toList();
    assertThat(lines).as(input).anySatisfy(l -> assertThat(l).contains("," + spelling + ","));
    return Files.write(dir.resolve(Path.of(input).getFileName()), lines).toString();
  }
}
