package io.cloudshift.uplift;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.currency.UsdToReporting;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.LabRevenueColumns;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.testing.ChargesMonthlyRows;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Hand-made inputs of the uplift: lab_provider_monthly rows, partnership_terms versions,
 * lab_revenue figures.
 */
final class UpliftFixtures {
  /** Microsoft's fiscal year starts in July, Oracle's in June, the others in January. */
  /** The reporting currency of the fixtures: USD, so the inbound share needs no rate. */
  static final UsdToReporting USD = UsdToReporting.of("USD", () -> null);

  static final List<ProviderConfig> PROVIDERS =
      List.of(
          new ProviderConfig("azure", "Microsoft Azure", 7, List.of()),
          new ProviderConfig("aws", "Amazon Web Services", 1, List.of()),
          new ProviderConfig("oci", "Oracle Cloud Infrastructure", 6, List.of()),
          new ProviderConfig("gcp", "Google Cloud", 1, List.of()));

  private UpliftFixtures() {}

  static SparkSession spark() {
    return SparkTestSession.get();
  }

  static Date month(String yearMonth) {
    return Date.valueOf(YearMonth.parse(yearMonth).atDay(1));
  }

  static Date day(String isoDate) {
    return Date.valueOf(LocalDate.parse(isoDate));
  }

  static BigDecimal dec(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  /**
   * Builds {@code lab_provider_monthly} the way the shares job does: R per provider, T = Σ R of the
   * lab, stream and month over providers, s = R / T (18 decimals), null when T ≤ 0. The caller
   * lists every provider of the lab's grid in every month (R = 0 when absent).
   */
  static final class Lpm {
    private record Cell(String lab, String provider, String stream, String month, BigDecimal r) {}

    private final List<Cell> cells = new ArrayList<>();

    /** R in USD, the reporting currency, billed in USD. */
    Lpm add(String lab, String provider, String stream, String month, String r) {
      cells.add(new Cell(lab, provider, stream, month, new BigDecimal(r)));
      return this;
    }

    /** The same R for every month of an inclusive range. */
    Lpm range(String lab, String provider, String stream, String from, String to, String r) {
      for (YearMonth m = YearMonth.parse(from);
          !m.isAfter(YearMonth.parse(to));
          m = m.plusMonths(1)) {
        add(lab, provider, stream, m.toString(), r);
      }
      return this;
    }

    /**
     * The {@code charges_monthly} rows behind the cells: one USD charge per cell over its whole
     * month, so a change inside a month splits it pro rata by time.
     */
    Dataset<Row> chargesMonthly() {
      ChargesMonthlyRows rows = new ChargesMonthlyRows();
      for (Cell c : cells) {
        rows.add(c.provider, c.lab, c.stream, c.month, c.r.toPlainString());
      }
      return rows.build();
    }

    Dataset<Row> build() {
      Map<String, BigDecimal> totals = new HashMap<>();
      for (Cell c : cells) {
        totals.merge(String.join("|", c.lab, c.stream, c.month), c.r, BigDecimal::add);
      }
      List<Row> rows = new ArrayList<>();
      for (Cell c : cells) {
        BigDecimal t = totals.get(String.join("|", c.lab, c.stream, c.month));
        BigDecimal s = t.signum() > 0 ? c.r.divide(t, 18, RoundingMode.HALF_EVEN) : null;
        Date m = month(c.month);
        rows.add(
            RowFactory.create(
                c.lab,
                c.provider,
                c.stream,
                m,
                "USD",
                null,
                null,
                null,
                null,
                c.r,
                c.r,
                c.r,
                t,
                t,
                s,
                s,
                null,
                null,
                null,
                null,
                c.r,
                "USD",
                c.r));
      }
      return spark().createDataFrame(rows, LabProviderMonthlyTable.SPEC.schema());
    }
  }

  /** Partnership versions of the silver {@code partnership_terms} table. */
  static final class Terms {
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> versions = new LinkedHashMap<>();

    /** One version [validFrom, validTo) (validTo null = open); p, q, cap may be null. */
    Terms add(
        String recordId,
        String lab,
        String provider,
        String validFrom,
        String validTo,
        String exclusivity,
        String p,
        String q,
        String cap) {
      int version = versions.merge(lab + "|" + provider, 1, Integer::sum);
      rows.add(
          RowFactory.create(
              lab,
              provider,
              day(validFrom),
              validTo == null ? null : day(validTo),
              validTo == null,
              version,
              recordId,
              "agreement " + recordId,
              day(validFrom),
              day(validFrom),
              validTo == null ? null : day(validTo),
              exclusivity,
              dec(p),
              dec(q),
              cap == null ? null : new BigDecimal(cap).setScale(2),
              null,
              null,
              null,
              null,
              "https://example.com/" + recordId,
              List.of(),
              "reported",
              List.of(),
              null));
      return this;
    }

    Dataset<Row> build() {
      return spark().createDataFrame(rows, PartnershipTermsTable.SPEC.schema());
    }
  }

  /** Public lab revenue figures of the silver {@code lab_revenue} table. */
  static final class LabRevenue {
    private final List<Row> rows = new ArrayList<>();

    /** A figure with its implied monthly revenue given directly (the ingest derives it). */
    LabRevenue add(
        String factId,
        String lab,
        String metric,
        String periodStart,
        String periodEnd,
        String monthlyUsd) {
      LocalDate start = LocalDate.parse(periodStart);
      LocalDate end = LocalDate.parse(periodEnd);
      int months =
          (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue() + 1;
      BigDecimal monthly = new BigDecimal(monthlyUsd).setScale(2);
      BigDecimal value =
          metric.equals(LabRevenueColumns.ANNUALIZED_RUN_RATE_USD)
              ? monthly.multiply(BigDecimal.valueOf(12))
              : monthly.multiply(BigDecimal.valueOf(months));
      rows.add(
          RowFactory.create(
              factId,
              lab,
              metric,
              Date.valueOf(start),
              Date.valueOf(end),
              value,
              months,
              monthly,
              "https://example.com/" + factId,
              "reported",
              null));
      return this;
    }

    Dataset<Row> build() {
      return spark().createDataFrame(rows, LabRevenueTable.SPEC.schema());
    }
  }

  static Dataset<Row> noLabRevenue() {
    return new LabRevenue().build();
  }
}
