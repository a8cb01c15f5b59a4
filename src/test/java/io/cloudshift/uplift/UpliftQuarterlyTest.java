package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftQuarterlyTable.FIRST_MONTH;
import static io.cloudshift.schema.UpliftQuarterlyTable.LAST_MONTH;
import static io.cloudshift.schema.UpliftQuarterlyTable.LAST_MONTH_SHARE;
import static io.cloudshift.schema.UpliftQuarterlyTable.MONTHS_IN_QUARTER;
import static io.cloudshift.uplift.UpliftFixtures.PROVIDERS;
import static io.cloudshift.uplift.UpliftFixtures.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabRevenueColumns;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.uplift.UpliftFixtures.LabRevenue;
import io.cloudshift.uplift.UpliftFixtures.Lpm;
import io.cloudshift.uplift.UpliftFixtures.Terms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * uplift_quarterly: calendar and provider fiscal quarters, and quarterly rows = sums of the monthly
 * rows.
 */
class UpliftQuarterlyTest {
  private static final List<String> MONEY_COLUMNS =
      List.of(
          Columns.BILLED_REVENUE,
          Columns.LAB_STREAM_TOTAL,
          UpliftMonthlyTable.NET_ACTUAL,
          UpliftMonthlyTable.NET_COUNTERFACTUAL,
          UpliftMonthlyTable.UPLIFT,
          UpliftMonthlyTable.NET_PRE_EVENT,
          UpliftMonthlyTable.VOLUME_EFFECT,
          UpliftMonthlyTable.SHARE_EFFECT,
          UpliftMonthlyTable.MARGIN_EFFECT,
          Columns.LAB_REVENUE_USD);

  @Test
  void fiscalQuartersCrossTheYearBoundaryForOracleAndMicrosoft() {
    // Oracle's fiscal year starts 1 June: FY27 = Jun 2026 - May 2027, so Mar-May 2026 = FY26Q4 and
    // Jun-Aug 2026 = FY27Q1. Microsoft's starts 1 July: FY26Q1 = Jul-Sep 2025, Apr-Jun 2025 =
    // FY25Q4.
    // Event quarters hold only the months from the event on (first_month > quarter_start).
    // Scenarios xAI (event X2, 15 April 2026, data to July 2026) and LabFy (event Y2, 10 June 2025,
    // data to October 2025) of HandScenarios.
    List<Row> rows =
        HandScenarios.get().quarterly().stream()
            .filter(r -> List.of("X2", "Y2").contains(r.<String>getAs(Columns.EVENT_ID)))
            .filter(r -> r.getAs(UpliftMonthlyTable.MODEL).equals("frozen"))
            .sorted(
                Comparator.comparing((Row r) -> r.<String>getAs(Columns.EVENT_ID))
                    .thenComparing(r -> r.<String>getAs(Columns.QUARTER_BASIS))
                    .thenComparing(r -> r.<Date>getAs(Columns.QUARTER_START)))
            .toList();
    assertThat(rows)
        .extracting(
            r -> r.getAs(Columns.EVENT_ID),
            r -> r.getAs(Columns.QUARTER_BASIS),
            r -> r.getAs(Columns.QUARTER_LABEL),
            r -> r.getAs(Columns.QUARTER_YEAR),
            r -> r.getAs(Columns.QUARTER_NUMBER),
            r -> r.getAs(Columns.QUARTER_START),
            r -> r.getAs(FIRST_MONTH),
            r -> r.getAs(LAST_MONTH),
            r -> r.getAs(MONTHS_IN_QUARTER))
        .containsExactly(
            tuple(
                "X2",
                "calendar",
                "2026Q2",
                2026,
                2,
                month("2026-04"),
                month("2026-04"),
                month("2026-06"),
                3),
            tuple(
                "X2",
                "calendar",
                "2026Q3",
                2026,
                3,
                month("2026-07"),
                month("2026-07"),
                month("2026-07"),
                1),
            tuple(
                "X2",
                "fiscal",
                "FY26Q4",
                2026,
                4,
                month("2026-03"),
                month("2026-04"),
                month("2026-05"),
                2),
            tuple(
                "X2",
                "fiscal",
                "FY27Q1",
                2027,
                1,
                month("2026-06"),
                month("2026-06"),
                month("2026-07"),
                2),
            tuple(
                "Y2",
                "calendar",
                "2025Q2",
                2025,
                2,
                month("2025-04"),
                month("2025-06"),
                month("2025-06"),
                1),
            tuple(
                "Y2",
                "calendar",
                "2025Q3",
                2025,
                3,
                month("2025-07"),
                month("2025-07"),
                month("2025-09"),
                3),
            tuple(
                "Y2",
                "calendar",
                "2025Q4",
                2025,
                4,
                month("2025-10"),
                month("2025-10"),
                month("2025-10"),
                1),
            tuple(
                "Y2",
                "fiscal",
                "FY25Q4",
                2025,
                4,
                month("2025-04"),
                month("2025-06"),
                month("2025-06"),
                1),
            tuple(
                "Y2",
                "fiscal",
                "FY26Q1",
                2026,
                1,
                month("2025-07"),
                month("2025-07"),
                month("2025-09"),
                3),
            tuple(
                "Y2",
                "fiscal",
                "FY26Q2",
                2026,
                2,
                month("2025-10"),
                month("2025-10"),
                month("2025-10"),
                1));
  }

  /**
   * Property, over a small random input with a fixed seed: every quarterly row is the exact sum of
   * the monthly rows of its event, stream and quarter (both bases), the monthly and quarterly
   * identities hold exactly, and each effect is within 10^-12 of its closed form.
   */
  @Test
  void quarterlyRowsAreExactSumsOfMonthlyRowsOnRandomInputs() {
    Random random = new Random(20260427L);
    List<String> labs = List.of("L1", "L2");
    List<String> providers = List.of("azure", "aws", "oci");
    Lpm lpm = new Lpm();
    for (String lab : labs) {
      for (String stream : List.of("compute", "resale")) {
        for (String provider : providers) {
          for (YearMonth m = YearMonth.of(2025, 1);
              !m.isAfter(YearMonth.of(2026, 6));
              m = m.plusMonths(1)) {
            // Mostly positive amounts with cents and a third decimal; now and then a credit or
            // nothing.
            int kind = random.nextInt(10);
            BigDecimal r =
                kind == 0
                    ? BigDecimal.ZERO
                    : kind == 1
                        ? BigDecimal.valueOf(-random.nextInt(5000), 3)
                        : BigDecimal.valueOf(random.nextInt(10_000_000), 3);
            lpm.add(lab, provider, stream, m.toString(), r.toPlainString());
          }
        }
      }
    }
    Terms terms = new Terms();
    int id = 0;
    for (String lab : labs) {
      for (String provider : providers) {
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        for (int i = 0; i < 2; i++) {
          starts.add(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(540)));
        }
        List<LocalDate> chain = new ArrayList<>(starts);
        for (int i = 0; i < chain.size(); i++) {
          String to = i + 1 < chain.size() ? chain.get(i + 1).toString() : null;
          String p = BigDecimal.valueOf(random.nextInt(1_000_001), 6).toPlainString();
          String q =
              random.nextBoolean()
                  ? BigDecimal.valueOf(random.nextInt(300_001), 6).toPlainString()
                  : null;
          String cap = random.nextBoolean() ? String.valueOf(1 + random.nextInt(900)) : null;
          terms.add("T" + (++id), lab, provider, chain.get(i).toString(), to, "none", p, q, cap);
        }
      }
    }
    Dataset<Row> labRevenue =
        new LabRevenue()
            .add(
                "R1",
                "L1",
                LabRevenueColumns.PERIOD_REVENUE_USD,
                "2025-03-01",
                "2025-08-31",
                "1234.56")
            .add(
                "R2",
                "L1",
                LabRevenueColumns.ANNUALIZED_RUN_RATE_USD,
                "2025-06-01",
                "2025-06-30",
                "1500.01")
            .add(
                "R3",
                "L2",
                LabRevenueColumns.ANNUALIZED_RUN_RATE_USD,
                "2024-12-01",
                "2024-12-31",
                "999.99")
            .build();

    Dataset<Row> monthlyDs =
        UpliftMonthly.of(
                lpm.build(),
                lpm.chargesMonthly(),
                terms.build(),
                labRevenue,
                6,
                12,
                PROVIDERS,
                UpliftFixtures.USD)
            .cache();
    List<Row> monthly = monthlyDs.collectAsList();
    List<Row> quarterly = UpliftQuarterly.of(monthlyDs, PROVIDERS).collectAsList();
    monthlyDs.unpersist();

    assertThat(monthly).hasSizeGreaterThan(100);
    assertThat(monthly)
        .extracting(r -> r.<String>getAs(Columns.STREAM))
        .contains("compute", "resale", UpliftMonthlyTable.INBOUND);
    BigDecimal tolerance = new BigDecimal("1E-12");
    for (Row r : monthly) {
      BigDecimal actual = r.getAs(UpliftMonthlyTable.NET_ACTUAL);
      BigDecimal counterfactual = r.getAs(UpliftMonthlyTable.NET_COUNTERFACTUAL);
      if (actual != null && counterfactual != null) {
        assertThat(r.<BigDecimal>getAs(UpliftMonthlyTable.UPLIFT))
            .isEqualByComparingTo(actual.subtract(counterfactual));
      }
      if (r.getAs(UpliftMonthlyTable.VOLUME_EFFECT) != null) {
        UpliftMonthlyTest.assertInvariants(r);
        // The model's share replaces s0 in every identity (s0 itself for frozen).
        BigDecimal s0 = r.getAs(UpliftMonthlyTable.COUNTERFACTUAL_SHARE);
        BigDecimal t = r.getAs(Columns.LAB_STREAM_TOTAL);
        BigDecimal t0 = r.getAs(UpliftMonthlyTable.BASELINE_STREAM_TOTAL);
        BigDecimal rev = r.getAs(Columns.BILLED_REVENUE);
        BigDecimal g0 = r.getAs(UpliftMonthlyTable.RETAINED_OLD);
        BigDecimal g1 = r.getAs(UpliftMonthlyTable.RETAINED_NEW);
        // In an event month that starts after its first day, T is the part after the change and
        // T0 is scaled by f, the fraction of the month after it.
        BigDecimal f = r.getAs(UpliftMonthlyTable.MONTH_FRACTION_AFTER);
        assertThat(r.<BigDecimal>getAs(UpliftMonthlyTable.VOLUME_EFFECT))
            .isCloseTo(
                s0.multiply(t.subtract(t0.multiply(f))).multiply(g0),
                org.assertj.core.data.Offset.offset(tolerance.multiply(BigDecimal.valueOf(2))));
        assertThat(r.<BigDecimal>getAs(UpliftMonthlyTable.SHARE_EFFECT))
            .isCloseTo(
                rev.subtract(s0.multiply(t)).multiply(g0),
                org.assertj.core.data.Offset.offset(tolerance.multiply(BigDecimal.valueOf(2))));
        assertThat(r.<BigDecimal>getAs(UpliftMonthlyTable.MARGIN_EFFECT))
            .isCloseTo(
                rev.multiply(g1.subtract(g0)),
                org.assertj.core.data.Offset.offset(tolerance.multiply(BigDecimal.valueOf(2))));
      }
    }

    Map<String, List<Row>> byQuarter = new TreeMap<>();
    for (Row r : monthly) {
      String key =
          String.join(
              "|",
              r.getAs(Columns.EVENT_ID),
              r.getAs(Columns.STREAM),
              r.getAs(UpliftMonthlyTable.MODEL));
      byQuarter
          .computeIfAbsent(
              key + "|calendar|" + r.getAs(Columns.CALENDAR_QUARTER_LABEL), k -> new ArrayList<>())
          .add(r);
      byQuarter
          .computeIfAbsent(
              key + "|fiscal|" + r.getAs(Columns.FISCAL_QUARTER_LABEL), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, Row> quarterRows =
        quarterly.stream()
            .collect(
                Collectors.toMap(
                    r ->
                        String.join(
                            "|",
                            r.getAs(Columns.EVENT_ID),
                            r.getAs(Columns.STREAM),
                            r.getAs(UpliftMonthlyTable.MODEL),
                            r.getAs(Columns.QUARTER_BASIS),
                            r.getAs(Columns.QUARTER_LABEL)),
                    r -> r));
    assertThat(quarterRows.keySet()).isEqualTo(byQuarter.keySet());
    for (Map.Entry<String, List<Row>> e : byQuarter.entrySet()) {
      Row q = quarterRows.get(e.getKey());
      List<Row> months = e.getValue();
      assertThat(q.<Integer>getAs(MONTHS_IN_QUARTER)).as(e.getKey()).isEqualTo(months.size());
      Row last =
          months.stream()
              .max(Comparator.comparing((Row r) -> r.<Date>getAs(Columns.MONTH)))
              .orElseThrow();
      assertThat(q.<Date>getAs(LAST_MONTH)).isEqualTo(last.<Date>getAs(Columns.MONTH));
      for (String c : MONEY_COLUMNS) {
        BigDecimal expected = strictSum(months, c);
        BigDecimal got = q.getAs(c);
        if (expected == null) {
          assertThat(got).as(e.getKey() + " " + c).isNull();
        } else {
          assertThat(got).as(e.getKey() + " " + c).isEqualByComparingTo(expected);
        }
      }
      BigDecimal sumT = q.getAs(Columns.LAB_STREAM_TOTAL);
      BigDecimal expectedShare =
          sumT == null || sumT.signum() <= 0
              ? null
              : q.<BigDecimal>getAs(Columns.BILLED_REVENUE)
                  .divide(sumT, 18, RoundingMode.HALF_EVEN);
      if (expectedShare == null) {
        assertThat(q.<BigDecimal>getAs(Columns.SHARE)).isNull();
      } else {
        assertThat(q.<BigDecimal>getAs(Columns.SHARE)).isEqualByComparingTo(expectedShare);
      }
      assertThat(q.<BigDecimal>getAs(LAST_MONTH_SHARE))
          .isEqualTo(last.<BigDecimal>getAs(Columns.SHARE));
      assertThat(q.<BigDecimal>getAs(UpliftMonthlyTable.CAP_REMAINING))
          .isEqualTo(last.<BigDecimal>getAs(UpliftMonthlyTable.CAP_REMAINING));
      if (q.getAs(UpliftMonthlyTable.VOLUME_EFFECT) != null) {
        UpliftMonthlyTest.assertInvariants(q);
      }
    }
  }

  private static BigDecimal strictSum(List<Row> rows, String column) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Row r : rows) {
      BigDecimal v = r.getAs(column);
      if (v == null) {
        return null;
      }
      sum = sum.add(v);
    }
    return sum;
  }
}
