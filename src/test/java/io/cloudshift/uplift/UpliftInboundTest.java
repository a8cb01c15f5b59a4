package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftQuarterlyTable.MONTHS_IN_QUARTER;
import static io.cloudshift.uplift.UpliftFixtures.month;
import static io.cloudshift.uplift.UpliftMonthlyTest.assertDec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.UpliftMonthlyTable;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound share rows (stream = inbound): I = min(q x LabRevenue, C - paid so far), a cap running
 * out mid-quarter, and their quarterly sums. Scenario LabInbound of {@link HandScenarios}: 20 % of
 * a $1,000 monthly lab revenue; old terms O1 uncapped, new terms N1 (27 April 2026) capped at $500.
 */
class UpliftInboundTest {
  private static List<Row> monthly;
  private static List<Row> quarterly;

  @BeforeAll
  static void compute() {
    monthly =
        HandScenarios.get().monthly().stream()
            .filter(r -> r.getAs(Columns.STREAM).equals(UpliftMonthlyTable.INBOUND))
            .sorted(
                Comparator.comparing((Row r) -> r.<String>getAs(Columns.EVENT_ID))
                    .thenComparing(r -> r.<Date>getAs(Columns.MONTH)))
            .toList();
    quarterly =
        HandScenarios.get().quarterly().stream()
            .filter(r -> r.getAs(Columns.STREAM).equals(UpliftMonthlyTable.INBOUND))
            .sorted(
                Comparator.comparing((Row r) -> r.<String>getAs(Columns.EVENT_ID))
                    .thenComparing(r -> r.<String>getAs(Columns.QUARTER_BASIS))
                    .thenComparing(r -> r.<Date>getAs(Columns.QUARTER_START)))
            .toList();
  }

  @Test
  void capRunsOutMidQuarter() {
    List<Row> n1 = monthly.stream().filter(r -> r.getAs(Columns.EVENT_ID).equals("N1")).toList();
    // q x LabRevenue = 0.2 x 1000 = 200 a month. New terms, cap 500:
    //   Apr 200 (paid 200, left 300), May 200 (400, 100), Jun min(200, 100) = 100 (500, 0), Jul 0.
    // Old terms, no cap: 200 every month. U = I_new - I_old = 0, 0, -100, -200.
    assertThat(n1)
        .extracting(
            r -> r.getAs(Columns.MONTH),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.NET_ACTUAL).stripTrailingZeros(),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.NET_COUNTERFACTUAL).stripTrailingZeros(),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.UPLIFT).stripTrailingZeros(),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.CAP_REMAINING).stripTrailingZeros())
        .containsExactly(
            tuple(
                month("2026-04"),
                new BigDecimal("2E+2"),
                new BigDecimal("2E+2"),
                BigDecimal.ZERO,
                new BigDecimal("3E+2")),
            tuple(
                month("2026-05"),
                new BigDecimal("2E+2"),
                new BigDecimal("2E+2"),
                BigDecimal.ZERO,
                new BigDecimal("1E+2")),
            tuple(
                month("2026-06"),
                new BigDecimal("1E+2"),
                new BigDecimal("2E+2"),
                new BigDecimal("-1E+2"),
                BigDecimal.ZERO),
            tuple(
                month("2026-07"),
                BigDecimal.ZERO,
                new BigDecimal("2E+2"),
                new BigDecimal("-2E+2"),
                BigDecimal.ZERO));
    for (Row r : n1) {
      assertThat(r.<String>getAs(Columns.REPORTING_CURRENCY)).isEqualTo("USD");
      assertDec(r, Columns.LAB_REVENUE_USD, "1000");
      assertThat(r.<String>getAs(Columns.LAB_REVENUE_FACT_ID)).isEqualTo("R1");
      assertThat(r.<Object>getAs(UpliftMonthlyTable.OLD_CAP_REMAINING)).as("no old cap").isNull();
      for (String streamOnly :
          List.of(
              Columns.BILLED_REVENUE,
              Columns.LAB_STREAM_TOTAL,
              Columns.SHARE,
              UpliftMonthlyTable.RETAINED_OLD,
              UpliftMonthlyTable.BASELINE_SHARE,
              UpliftMonthlyTable.NET_PRE_EVENT,
              UpliftMonthlyTable.VOLUME_EFFECT,
              UpliftMonthlyTable.SHARE_EFFECT,
              UpliftMonthlyTable.MARGIN_EFFECT,
              Columns.BREAK_EVEN_SHARE)) {
        assertThat(r.<Object>getAs(streamOnly)).as(streamOnly).isNull();
      }
    }
  }

  @Test
  void quarterlyRowsSumTheMonths() {
    List<Row> n1 = quarterly.stream().filter(r -> r.getAs(Columns.EVENT_ID).equals("N1")).toList();
    // Calendar: 2026Q2 = Apr-Jun: N_act 200 + 200 + 100 = 500, N_cf 600, U -100, revenue 3000, cap
    // left 0
    //           2026Q3 = Jul:     N_act 0, N_cf 200, U -200
    // Fiscal (Microsoft, FY from July): FY26Q4 = Apr-Jun, FY27Q1 = Jul: the same sums.
    assertThat(n1)
        .extracting(
            r -> r.getAs(Columns.QUARTER_BASIS),
            r -> r.getAs(Columns.QUARTER_LABEL),
            r -> r.getAs(MONTHS_IN_QUARTER),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.NET_ACTUAL).intValueExact(),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.NET_COUNTERFACTUAL).intValueExact(),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.UPLIFT).intValueExact(),
            r -> r.<BigDecimal>getAs(Columns.LAB_REVENUE_USD).intValueExact(),
            r -> r.<BigDecimal>getAs(UpliftMonthlyTable.CAP_REMAINING).intValueExact())
        .containsExactly(
            tuple("calendar", "2026Q2", 3, 500, 600, -100, 3000, 0),
            tuple("calendar", "2026Q3", 1, 0, 200, -200, 1000, 0),
            tuple("fiscal", "FY26Q4", 3, 500, 600, -100, 3000, 0),
            tuple("fiscal", "FY27Q1", 1, 0, 200, -200, 1000, 0));
  }

  @Test
  void monthsBeforeTheLabsFirstRevenueFigureAreUnknownAndSoAreTheirQuarters() {
    // O1 starts in July 2019; lab revenue is known from January 2026 only. The first deal's old
    // terms are "no deal" (q0 = 0): U = I_new - 0.
    List<Row> o1 = monthly.stream().filter(r -> r.getAs(Columns.EVENT_ID).equals("O1")).toList();
    assertThat(o1.get(0).<Object>getAs(Columns.MONTH)).isEqualTo(month("2019-07"));
    assertThat(o1)
        .filteredOn(r -> r.<Date>getAs(Columns.MONTH).before(month("2026-01")))
        .hasSize(78)
        .allSatisfy(
            r -> {
              assertThat(r.<Object>getAs(Columns.LAB_REVENUE_USD)).isNull();
              assertThat(r.<Object>getAs(UpliftMonthlyTable.NET_ACTUAL)).isNull();
              assertThat(r.<Object>getAs(UpliftMonthlyTable.UPLIFT)).isNull();
            });
    Row jan =
        o1.stream()
            .filter(r -> r.getAs(Columns.MONTH).equals(month("2026-01")))
            .findFirst()
            .orElseThrow();
    assertDec(jan, UpliftMonthlyTable.NET_ACTUAL, "200"); // 0.2 x 1000, no cap
    assertDec(
        jan,
        UpliftMonthlyTable.NET_COUNTERFACTUAL,
        "0"); // q0 null: no inbound share before the first deal
    assertDec(jan, UpliftMonthlyTable.UPLIFT, "200");
    Row q4 =
        quarterly.stream()
            .filter(
                r ->
                    r.getAs(Columns.EVENT_ID).equals("O1")
                        && r.getAs(Columns.QUARTER_LABEL).equals("2025Q4"))
            .findFirst()
            .orElseThrow();
    assertThat(q4.<Object>getAs(UpliftMonthlyTable.NET_ACTUAL)).isNull();
  }
}
