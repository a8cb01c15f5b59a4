package io.cloudshift.generate;

import io.cloudshift.config.ExportConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One file being generated: the export, its provider (id, first-party name, catalog, column
 * layout), the billing month, and the file's own random source.
 */
record ExportMonth(
    ExportConfig export,
    String providerId,
    String firstPartyName,
    ProviderProfile profile,
    ExportLayout layout,
    YearMonth month,
    SplittableRandom random) {

  Instant billingPeriodStart() {
    return startOf(month);
  }

  Instant billingPeriodEnd() {
    return startOf(month.plusMonths(1));
  }

  static Instant startOf(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Midnight UTC of a random day of {@code month}. */
  Instant randomDayOf(YearMonth someMonth) {
    int day = 1 + random.nextInt(someMonth.lengthOfMonth());
    return someMonth.atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Midnight UTC of a random day of {@code part}. */
  Instant randomDayIn(MonthPart part) {
    int day = part.firstDay() + random.nextInt(part.days());
    return part.month().atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /**
   * A uniform fraction in [low, high), as a BigDecimal with 4 decimals (so results are short and
   * exact).
   */
  BigDecimal fraction(double low, double high) {
    double value = low + (high - low) * random.nextDouble();
    return BigDecimal.valueOf(Math.round(value * 10_000)).movePointLeft(4);
  }

  String fileName() {
    String extension = export.format() == ExportConfig.Format.PARQUET ? ".parquet" : ".csv.gz";
    return export.id() + "-" + month + extension;
  }

  /**
   * The file's path under the export directory:
   * billing_period=YYYY-MM/&lt;export&gt;-YYYY-MM.&lt;ext&gt;.
   */
  String relativePath() {
    return "billing_period=" + month + "/" + fileName();
  }
}
