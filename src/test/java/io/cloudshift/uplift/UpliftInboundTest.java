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
 * Inbound share rows (stream = inbound): I = min(q x LabRevenue, C - paid so far), apportioned by
 * time in the event month, caps running out, and their quarterly sums. Scenario LabInbound of
 * {@link HandScenarios}: 20 % of a $1,000 monthly lab revenue; old terms O1 uncapped, new terms N1
 * (27 April 2026) capped at $500.
 */
class UpliftInboundTest {
  private static List<Row> monthly;
  private static List<Row> quarterly;

  @BeforeAll
  static void compute() {
    monthly =
        HandScenarios.get().monthly().stream()
            .filter(r -> r.getAs(Columns.STREAM).equals(UpliftMonthlyTable.INBOUND))
            .filter(r -> r.getAs(UpliftMonthlyTable.MODEL).equals("frozen"))
            .sorted(
                Comparator.comparing((Row r) -> r.<String>getAs(Columns.EVENT_ID))
                    .thenComparing(r -> r.<Date>getAs(Columns.MONTH)))
            .toList();
    quarterly =
        HandScenarios.get().quarterly().stream()
            .filter(r -> r.getAs(Columns.STREAM).equals(UpliftMonthlyTable.INBOUND))
            .filter(r -> r.getAs(UpliftMonthlyTable.MODEL).equals("frozen"))
            .sorted(
                Comparator.comparing((Row r) -> r.<String>getAs(Columns.EVENT_ID))
                    .thenComparing(r -> r.<String>getAs(Columns.QUARTER_BASIS))
                    .thenComparing(r -> r.<Date>getAs(Columns.QUARTER_START)))
            .toList();
  }

  @Test
  void theNewCapCountsFromTheChangeOnTheTwentySeventh() {
    List<Row> n1 = monthly.stream().filter(r -> r.getAs(Columns.EVENT_ID).equals("N1")).toList();
    // q x LabRevenue = 0.2 x 1000 = 200 a month. N1 takes effect on 27 April: f = 4/30 of April
    // is under the new terms, 26/30 under the old ones (docs/methodology.md#terms-by-the-instant).
    // April: new part 200 x 4/30 = 26.666666666667 (12 places) towards the cap of 500 (left
    //   473.333333333333), old part 200 - 26.666666666667 = 173.333333333333 uncapped: N_act =
    //   200 = N_cf, U = 0.
    // May, June: 200 each (left 273.333333333333, then 73.333333333333), U = 0.
    // July: min(200, 73.333333333333): N_act = 73.333333333333, U = -126.666666666667, left 0.
    // Under the month rule the cap had run out in June (U = -100 there, -200 in July).
    assertThat(n1)
        .extracting(
            r -> r.getAs(Columns.MONTH),
            r -> plain(r, UpliftMonthlyTable.MONTH_FRACTION_AFTER),
            r -> plain(r, UpliftMonthlyTable.NET_ACTUAL),
            r -> plain(r, UpliftMonthlyTable.NET_COUNTERFACTUAL),
            r -> plain(r, UpliftMonthlyTable.UPLIFT),
            r -> plain(r, UpliftMonthlyTable.CAP_REMAINING))
        .containsExactly(
            tuple(month("2026-04"), "0.133333333333333333", "200", "200", "0", "473.333333333333"),
            tuple(month("2026-05"), "1", "200", "200", "0", "273.333333333333"),
            tuple(month("2026-06"), "1", "200", "200", "0", "73.333333333333"),
            tuple(month("2026-07"), "1", "73.333333333333", "200", "-126.666666666667", "0"));
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
    // Calendar: 2026Q2 = Apr-Jun: N_act 200 x 3 = 600 = N_cf, U 0, revenue 3000, cap left
    //           73.333333333333 (June's);
    //           2026Q3 = Jul: N_act 73.333333333333, N_cf 200, U -126.666666666667, cap left 0.
    // Fiscal (Microsoft, FY from July): FY26Q4 = Apr-Jun, FY27Q1 = Jul: the same sums.
    assertThat(n1)
        .extracting(
            r -> r.getAs(Columns.QUARTER_BASIS),
            r -> r.getAs(Columns.QUARTER_LABEL),
            r -> r.getAs(MONTHS_IN_QUARTER),
            r -> plain(r, UpliftMonthlyTable.NET_ACTUAL),
            r -> plain(r, UpliftMonthlyTable.NET_COUNTERFACTUAL),
            r -> plain(r, UpliftMonthlyTable.UPLIFT),
            r -> plain(r, Columns.LAB_REVENUE_USD),
            r -> plain(r, UpliftMonthlyTable.CAP_REMAINING))
        .containsExactly(
            tuple("calendar", "2026Q2", 3, "600", "600", "0", "3000", "73.333333333333"),
            tuple(
                "calendar",
                "2026Q3",
                1,
                "73.333333333333",
                "200",
                "-126.666666666667",
                "1000",
                "0"),
            tuple("fiscal", "FY26Q4", 3, "600", "600", "0", "3000", "73.333333333333"),
            tuple(
                "fiscal", "FY27Q1", 1, "73.333333333333", "200", "-126.666666666667", "1000", "0"));
  }

  @Test
  void aCapThatRunsOutInTheEventMonthPaysOnlyItsPartAfterTheChange() {
    List<Row> n2 = monthly.stream().filter(r -> r.getAs(Columns.EVENT_ID).equals("N2")).toList();
    // LabCapShort: 20 % of 1000 a month, old terms uncapped, new terms (27 April) capped at 20.
    // April: the new part asks 200 x 4/30 = 26.666666666667 but the cap pays 20 (left 0); the old
    //   part 173.333333333333: N_act = 193.333333333333, N_cf = 200, U = -6.666666666667.
    //   (Under the month rule April paid min(200, 20) = 20: U = -180.)
    // May: the cap is spent: N_act = 0, U = -200.
    assertThat(n2)
        .extracting(
            r -> r.getAs(Columns.MONTH),
            r -> plain(r, UpliftMonthlyTable.NET_ACTUAL),
            r -> plain(r, UpliftMonthlyTable.NET_COUNTERFACTUAL),
            r -> plain(r, UpliftMonthlyTable.UPLIFT),
            r -> plain(r, UpliftMonthlyTable.CAP_REMAINING))
        .startsWith(
            tuple(month("2026-04"), "193.333333333333", "200", "-6.666666666667", "0"),
            tuple(month("2026-05"), "0", "200", "-200", "0"));
  }

  private static String plain(Row r, String column) {
    BigDecimal value = r.getAs(column);
    return value == null ? null : value.stripTrailingZeros().toPlainString();
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
