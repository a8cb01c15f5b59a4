package io.cloudshift.generate;

import static io.cloudshift.generate.SyntheticFixtures.files;
import static io.cloudshift.generate.SyntheticFixtures.generateCsv;
import static io.cloudshift.generate.SyntheticFixtures.options;
import static io.cloudshift.generate.SyntheticFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same options → same bytes; seed and row count change rows, never the planted truth. */
class SyntheticDeterminismTest {
  private static final List<String> MONEY_TRUTH =
      List.of(
          "_truth/monthly_revenue.csv",
          "_truth/events.csv",
          "_truth/after_change.csv",
          "_truth/planted_effects.csv",
          "_truth/provider_monthly_revenue.csv");

  @Test
  void sameOptionsGiveByteIdenticalFilesAndTruth(@TempDir Path first, @TempDir Path second) {
    GenerateResult a = generateCsv(options(7, 3_000, first));
    GenerateResult b = generateCsv(options(7, 3_000, second));

    Map<String, byte[]> left = files(first);
    Map<String, byte[]> right = files(second);
    left.remove("README.md");
    right.remove("README.md");
    assertThat(left.keySet()).isEqualTo(right.keySet());
    assertThat(left.keySet())
        .anyMatch(p -> p.endsWith(".csv.gz"))
        .contains("_truth/bad_rows.csv", "_truth/row_counts.csv");
    left.forEach((path, bytes) -> assertThat(right.get(path)).as(path).isEqualTo(bytes));
    assertThat(a.rowsWritten()).isEqualTo(b.rowsWritten());
    assertThat(a.filesWritten()).isEqualTo(4 * 6);
    assertThat(a.plantedTruthPath()).isEqualTo(first.resolve("_truth").toString());
  }

  @Test
  void filesWrittenOnOneOrFourThreadsAreByteIdentical(
      @TempDir Path oneThread, @TempDir Path fourThreads) {
    GenerateResult a =
        SyntheticFixtures.generate(
            SyntheticFixtures.csvOnlyConfig(), options(7, 3_000, oneThread), 1);
    GenerateResult b =
        SyntheticFixtures.generate(
            SyntheticFixtures.csvOnlyConfig(), options(7, 3_000, fourThreads), 4);

    Map<String, byte[]> left = files(oneThread);
    Map<String, byte[]> right = files(fourThreads);
    assertThat(left.keySet())
        .isEqualTo(right.keySet())
        .contains("README.md", "_truth/bad_rows.csv");
    left.forEach(
        (path, bytes) -> {
          if (!path.equals("README.md")) {
            assertThat(right.get(path)).as(path).isEqualTo(bytes);
          }
        });
    assertThat(b)
        .isEqualTo(
            new GenerateResult(
                a.rowsWritten(),
                a.filesWritten(),
                fourThreads.toString(),
                fourThreads.resolve("_truth").toString()));
  }

  @Test
  void anotherSeedChangesRowsButNotTheMonthlyTruth(@TempDir Path first, @TempDir Path second) {
    generateCsv(options(7, 3_000, first));
    generateCsv(options(8, 3_000, second));

    String file = "azure-focus/billing_period=2026-04/azure-focus-2026-04.csv.gz";
    assertThat(files(second).get(file)).isNotEqualTo(files(first).get(file));
    for (String truth : MONEY_TRUTH) {
      assertThat(text(second.resolve(truth))).as(truth).isEqualTo(text(first.resolve(truth)));
    }
  }

  @Test
  void rowsChangeTheRowCountButNotTheTruth(@TempDir Path small, @TempDir Path large) {
    GenerateResult few = generateCsv(options(7, 1_500, small));
    GenerateResult many = generateCsv(options(7, 6_000, large));

    assertThat(many.rowsWritten()).isGreaterThan(2 * few.rowsWritten());
    assertThat(few.rowsWritten()).isBetween(1_000L, 2_500L);
    assertThat(many.rowsWritten()).isBetween(5_000L, 7_500L);
    for (String truth : MONEY_TRUTH) {
      assertThat(text(large.resolve(truth))).as(truth).isEqualTo(text(small.resolve(truth)));
    }
  }

  @Test
  void regeneratingReplacesTheWholeFolderSoNoStaleMonthSurvives(@TempDir Path root)
      throws Exception {
    new GenerateJob(SyntheticFixtures.csvOnlyConfig(), options(7, 1_500, root)).execute();
    Path stale = root.resolve("oci-focus/billing_period=2019-01/oci-focus-2019-01.csv.gz");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "old");

    new GenerateJob(SyntheticFixtures.csvOnlyConfig(), options(7, 1_500, root)).execute();

    assertThat(stale).doesNotExist();
    assertThat(root.resolve("README.md")).exists();
    assertThat(text(root.resolve("README.md")))
        .startsWith("# SYNTHETIC")
        .contains("--seed 7", "L12");
  }
}
