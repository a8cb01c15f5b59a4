package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 6: two symlink loops in an export folder made ingest spin forever (one loop was
 * followed 40 levels deep into source_file). Links are followed, but every folder and file is
 * listed once: a link to what the listing already holds is skipped and reported in job_runs.
 */
@Slow
class SymbolicLinksTest {
  @TempDir Path dir;

  @Test
  void linksBackIntoTheExportAndASecondWayToAFileAreSkippedAndReported() throws Exception {
    IngestHarness harness = new IngestHarness(dir, Map.of("azure", "azure csv"));
    Path export = harness.export("azure");
    Path september = export.resolve("billing_period=2024-09");
    Path file =
        FocusCsv.focus12()
            .row("BilledCost", "7", "EffectiveCost", "7")
            .row("BilledCost", "8", "EffectiveCost", "8")
            .write(september.resolve("part-1.csv"));
    Files.createSymbolicLink(export.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(september.resolve("parent"), Path.of(".."));
    Files.createSymbolicLink(september.resolve("part-1-again.csv"), file.getFileName());

    StageProgress progress =
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> harness.ingest("run-1"));

    assertThat(progress.inputs())
        .extracting(InputCount::sourceFile)
        .singleElement()
        .asString()
        .endsWith("/billing_period=2024-09/part-1.csv");
    assertThat(
            harness.table(Tables.CHARGES).agg(sum(ChargeColumns.BILLED_COST)).head().getDecimal(0))
        .isEqualByComparingTo("15");
    assertThat(progress.notes())
        .containsExactlyInAnyOrder(
            "Export azure: "
                + export.resolve("loop")
                + " leads to a folder already listed, not followed",
            "Export azure: "
                + september.resolve("parent")
                + " leads to a folder already listed, not followed",
            "Export azure: "
                + september.resolve("part-1-again.csv")
                + " leads to a file already listed, not followed");
  }
}
