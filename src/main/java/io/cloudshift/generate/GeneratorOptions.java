package io.cloudshift.generate;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What {@link GenerateJob} writes: the random seed, the approximate number of rows over all exports
 * and months, the billing months (inclusive) and the output root.
 *
 * <p>The seed and {@code rows} change only how the money is spread over rows; the planted monthly
 * amounts (the truth) depend on neither.
 */
public record GeneratorOptions(
    long seed, int rows, YearMonth firstMonth, YearMonth lastMonth, String outputRoot) {
  /** Where the committed sample lives (conf/cloudshift.conf reads its exports from there). */
  public static final String COMMITTED_SAMPLE = "datasets/focus";

  public GeneratorOptions {
    Objects.requireNonNull(firstMonth, "firstMonth");
    Objects.requireNonNull(lastMonth, "lastMonth");
    Objects.requireNonNull(outputRoot, "outputRoot");
    if (rows < 1) {
      throw new IllegalArgumentException(
          "Cannot generate: rows must be at least 1 (got " + rows + ")");
    }
    if (firstMonth.isAfter(lastMonth)) {
      throw new IllegalArgumentException(
          "Cannot generate: first month "
              + firstMonth
              + " is after last month "
              + lastMonth
              + " (swap --from and --to)");
    }
    if (outputRoot.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot generate: the output root is empty (pass --output <dir>)");
    }
  }

  /** The committed sample's options: seed 20260427, 30,000 rows, 2023-01 .. 2026-09. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(
        20260427L, 30_000, YearMonth.of(2023, 1), YearMonth.of(2026, 9), COMMITTED_SAMPLE);
  }

  /** Number of billing months in the range. */
  public int monthCount() {
    return (int) (firstMonth.until(lastMonth, java.time.temporal.ChronoUnit.MONTHS) + 1);
  }
}
