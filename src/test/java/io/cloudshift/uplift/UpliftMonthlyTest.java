package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_FROM;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_MONTHS;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_STREAM_TOTAL;
import static io.cloudshift.schema.UpliftMonthlyTable.INBOUND;
import static io.cloudshift.schema.UpliftMonthlyTable.MARGIN_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.MONTHS_AFTER_EVENT;
import static io.cloudshift.schema.UpliftMonthlyTable.MONTH_FRACTION_AFTER;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_ACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_COUNTERFACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_PRE_EVENT;
import static io.cloudshift.schema.UpliftMonthlyTable.NEXT_EVENT_MONTH;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_NEW;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_OLD;
import static io.cloudshift.schema.UpliftMonthlyTable.SHARE_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.UPLIFT;
import static io.cloudshift.schema.UpliftMonthlyTable.VOLUME_EFFECT;
import static io.cloudshift.uplift.UpliftFixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Columns;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * uplift_monthly for compute and resale: docs/methodology.md#uplift formulas checked against
 * numbers worked out by hand.
 */
class UpliftMonthlyTest {
  private static List<Row> all;

  /**
   * The hand-made scenarios of {@link HandScenarios}, computed once for all uplift test classes.
   */
  @BeforeAll
  static void compute() {
    all = HandScenarios.get().monthly();
  }

  @Test
  void resaleExampleWorkedByHand() {
    List<Row> resale = rows(event("P02"), "resale");
    assertThat(resale)
        .extracting(r -> r.getAs(Columns.MONTH))
        .containsExactly(month("2026-04"), month("2026-05"), month("2026-06"));
    // May and June are whole months under the new terms.
    for (Row r : resale.subList(1, 3)) {
      // g0 = 1 - p0 = 1 - 0.20 = 0.8; g1 = 1 - p1 = 1 - 0 = 1
      assertDec(r, RETAINED_OLD, "0.8");
      assertDec(r, RETAINED_NEW, "1");
      // s0 = (6 x 90) / (6 x 100) = 0.9; T0 = 600 / 6 = 100
      assertThat(r.<Integer>getAs(BASELINE_MONTHS)).isEqualTo(6);
      assertThat(r.<Object>getAs(BASELINE_FROM)).isEqualTo(month("2025-10"));
      assertDec(r, BASELINE_SHARE, "0.9");
      assertDec(r, BASELINE_STREAM_TOTAL, "100");
      // s = 105 / 150 = 0.7
      assertDec(r, Columns.BILLED_REVENUE, "105");
      assertDec(r, Columns.LAB_STREAM_TOTAL, "150");
      assertDec(r, Columns.SHARE, "0.7");
      // N_act = s.T.g1 = 0.7 x 150 x 1 = 105
      assertDec(r, NET_ACTUAL, "105");
      // N_cf = s0.T.g0 = 0.9 x 150 x 0.8 = 108
      assertDec(r, NET_COUNTERFACTUAL, "108");
      // U = 105 - 108 = -3
      assertDec(r, UPLIFT, "-3");
      // N_pre = s0.T0.g0 = 0.9 x 100 x 0.8 = 72
      assertDec(r, NET_PRE_EVENT, "72");
      // volume = s0.(T - T0).g0 = 0.9 x 50 x 0.8 = 36
      assertDec(r, VOLUME_EFFECT, "36");
      // share = (s - s0).T.g0 = -0.2 x 150 x 0.8 = -24
      assertDec(r, SHARE_EFFECT, "-24");
      // margin = s.T.(g1 - g0) = 0.7 x 150 x 0.2 = 21
      assertDec(r, MARGIN_EFFECT, "21");
      // s* = s0.g0/g1 = 0.9 x 0.8 / 1 = 0.72: at s = 0.7 Azure is below break-even, hence U < 0
      assertDec(r, Columns.BREAK_EVEN_SHARE, "0.72");
      assertDec(r, MONTH_FRACTION_AFTER, "1");
      // Invariants, exactly: 36 - 24 + 21 = 33 = 105 - 72, and -24 + 21 = -3 = U
      assertInvariants(r);
    }
  }

  @Test
  void theEventMonthCountsOnlyItsPartAfterTheChangeOnTheTwentySeventh() {
    // P02 takes effect on 27 April: f = 4/30 of April is under the new terms. Each month's charge
    // runs over the whole month, so 4/30 of it falls after the change: azure resale 105 x 4/30 =
    // 14, the lab's resale 150 x 4/30 = 20 (s = 0.7); compute 120 x 4/30 = 16 of 300 x 4/30 = 40.
    Row resale = rows(event("P02"), "resale").get(0);
    assertDec(resale, MONTH_FRACTION_AFTER, "0.133333333333333333");
    assertDec(resale, Columns.BILLED_REVENUE, "14");
    assertDec(resale, Columns.LAB_STREAM_TOTAL, "20");
    assertDec(resale, Columns.SHARE, "0.7");
    // N_act = 14 x 1 = 14; N_cf = 0.9 x 20 x 0.8 = 14.4; U = -0.4
    assertDec(resale, NET_ACTUAL, "14");
    assertDec(resale, NET_COUNTERFACTUAL, "14.4");
    assertDec(resale, UPLIFT, "-0.4");
    // N_pre = s0.T0.g0.f = 72 x 4/30 = 9.6: like with like
    assertDec(resale, NET_PRE_EVENT, "9.6");
    // volume = 14.4 - 9.6 = 4.8; share = (0.7 - 0.9) x 20 x 0.8 = -3.2; margin = 14 x 0.2 = 2.8
    assertDec(resale, VOLUME_EFFECT, "4.8");
    assertDec(resale, SHARE_EFFECT, "-3.2");
    assertDec(resale, MARGIN_EFFECT, "2.8");
    assertDec(resale, Columns.BREAK_EVEN_SHARE, "0.72");
    assertInvariants(resale);
    // Under the month rule all of April counted: U = -3 (as May), N_act = 105.

    Row compute = rows(event("P02"), "compute").get(0);
    assertDec(compute, Columns.BILLED_REVENUE, "16");
    assertDec(compute, Columns.LAB_STREAM_TOTAL, "40");
    // N_act = 16; N_cf = 0.5 x 40 = 20; U = -4 = share; N_pre = 100 x 4/30 = 13.333333333333
    assertDec(compute, NET_ACTUAL, "16");
    assertDec(compute, NET_COUNTERFACTUAL, "20");
    assertDec(compute, UPLIFT, "-4");
    assertDec(compute, NET_PRE_EVENT, "13.333333333333");
    assertDec(compute, VOLUME_EFFECT, "6.666666666667");
    assertInvariants(compute);
  }

  @Test
  void computeKeepsEverythingSoMarginIsZeroAndUpliftIsTheShareEffect() {
    List<Row> compute = rows(event("P02"), "compute");
    assertThat(compute).hasSize(3);
    // May and June (April is the event month: its part after the change has its own test).
    for (Row r : compute.subList(1, 3)) {
      // g = 1 for compute whatever p is (p0 = 0.20 applies to resale only)
      assertDec(r, RETAINED_OLD, "1");
      assertDec(r, RETAINED_NEW, "1");
      // s0 = 600 / 1200 = 0.5; T0 = 1200 / 6 = 200; s = 120 / 300 = 0.4
      assertDec(r, BASELINE_SHARE, "0.5");
      assertDec(r, BASELINE_STREAM_TOTAL, "200");
      assertDec(r, Columns.SHARE, "0.4");
      // N_act = 120; N_cf = 0.5 x 300 = 150; U = -30; N_pre = 0.5 x 200 = 100
      assertDec(r, NET_ACTUAL, "120");
      assertDec(r, NET_COUNTERFACTUAL, "150");
      assertDec(r, UPLIFT, "-30");
      assertDec(r, NET_PRE_EVENT, "100");
      // volume = 0.5 x (300 - 200) = 50; share = (0.4 - 0.5) x 300 = -30 = U; margin = 0
      assertDec(r, VOLUME_EFFECT, "50");
      assertDec(r, SHARE_EFFECT, "-30");
      assertDec(r, MARGIN_EFFECT, "0");
      // s* = s0 x 1 / 1 = s0 = 0.5
      assertDec(r, Columns.BREAK_EVEN_SHARE, "0.5");
      assertInvariants(r);
    }
  }

  @Test
  void eventColumnsAndCalendarsAreOnEveryRow() {
    Row april = rows(event("P02"), "resale").get(0);
    assertThat(april.<String>getAs(Columns.OLD_TERMS_RECORD_ID)).isEqualTo("P01");
    assertThat(april.<String>getAs(Columns.OLD_EXCLUSIVITY)).isEqualTo("exclusive");
    assertThat(april.<String>getAs(Columns.NEW_EXCLUSIVITY)).isEqualTo("none");
    assertThat(april.<Object>getAs(Columns.EVENT_MONTH)).isEqualTo(month("2026-04"));
    assertThat(april.<Object>getAs(NEXT_EVENT_MONTH)).isNull();
    assertThat(april.<String>getAs(Columns.REPORTING_CURRENCY)).isEqualTo("USD");
    assertThat(april.<Integer>getAs(MONTHS_AFTER_EVENT)).isZero();
    // April 2026: calendar 2026Q2; Microsoft FY26 = Jul 2025 - Jun 2026, so Q4
    assertThat(april.<String>getAs(Columns.CALENDAR_QUARTER_LABEL)).isEqualTo("2026Q2");
    assertThat(april.<Integer>getAs(Columns.FISCAL_YEAR)).isEqualTo(2026);
    assertThat(april.<Integer>getAs(Columns.FISCAL_QUARTER_NUMBER)).isEqualTo(4);
    assertThat(april.<String>getAs(Columns.FISCAL_QUARTER_LABEL)).isEqualTo("FY26Q4");
    // No lab share in either terms: no inbound rows
    assertThat(rows(event("P02"), INBOUND)).isEmpty();
    // A provider without events gets no rows (aws here)
    assertThat(all)
        .filteredOn(r -> r.getAs(Columns.LAB).equals("OpenAI"))
        .extracting(r -> r.<String>getAs(Columns.PROVIDER))
        .containsOnly("azure");
  }

  @Test
  void specBreakEvenExampleExclusiveProviderLosingItsTwentyPercent() {
    // docs/methodology.md#break-even-share: exclusive s0 = 1, p0 = 0.20, p1 = 0 -> s* = 1 x 0.8 / 1
    // = 0.80
    Row r = event("S02").get(0);
    assertDec(r, BASELINE_SHARE, "1");
    assertDec(r, Columns.BREAK_EVEN_SHARE, "0.8");
  }

  @Test
  void eventInTheFirstMonthOfDataHasNoBaselineAndNoCounterfactual() {
    List<Row> rows = event("F02");
    assertThat(rows).hasSize(2);
    for (Row r : rows) {
      assertThat(r.<Integer>getAs(BASELINE_MONTHS)).isZero();
      // N_act is still known: R.g1 = 60 x (1 - 0.10) = 54
      assertDec(r, NET_ACTUAL, "54");
      for (String counterfactual :
          List.of(
              BASELINE_SHARE,
              BASELINE_STREAM_TOTAL,
              NET_COUNTERFACTUAL,
              UPLIFT,
              NET_PRE_EVENT,
              VOLUME_EFFECT,
              SHARE_EFFECT,
              MARGIN_EFFECT,
              Columns.BREAK_EVEN_SHARE)) {
        assertThat(r.<Object>getAs(counterfactual)).as(counterfactual).isNull();
      }
    }
    // An event before any data (F01, 2019) has rows for every month (2 streams' worth: 2 months),
    // none with a counterfactual.
    assertThat(event("F01"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.<Object>getAs(UPLIFT)).isNull());
  }

  @Test
  void creditMonthWithNonPositiveTotalGivesNoNaNAndNoError() {
    // Baseline: 2 months, azure 30 of T 40 each -> s0 = 60/80 = 0.75, T0 = 40.
    // Event month: credits make T = -10 (azure -20, aws 10): s is null, the rest is plain
    // arithmetic.
    // g0 = 1 - 0.2 = 0.8, g1 = 1 - 0.5 = 0.5.
    Row r = event("C02").get(0);
    assertThat(r.<Object>getAs(Columns.SHARE)).isNull();
    assertDec(r, Columns.LAB_STREAM_TOTAL, "-10");
    // N_act = R.g1 = -20 x 0.5 = -10; N_cf = s0.T.g0 = 0.75 x -10 x 0.8 = -6; U = -4
    assertDec(r, NET_ACTUAL, "-10");
    assertDec(r, NET_COUNTERFACTUAL, "-6");
    assertDec(r, UPLIFT, "-4");
    // N_pre = 0.75 x 40 x 0.8 = 24; volume = 0.75 x (-10 - 40) x 0.8 = -30;
    // share = (R - s0.T).g0 = (-20 + 7.5) x 0.8 = -10; margin = R.(g1 - g0) = -20 x -0.3 = 6
    assertDec(r, NET_PRE_EVENT, "24");
    assertDec(r, VOLUME_EFFECT, "-30");
    assertDec(r, SHARE_EFFECT, "-10");
    assertDec(r, MARGIN_EFFECT, "6");
    // s* = 0.75 x 0.8 / 0.5 = 1.2 (above 1: the provider cannot break even by share alone)
    assertDec(r, Columns.BREAK_EVEN_SHARE, "1.2");
    assertInvariants(r);
  }

  @Test
  void baselineWithNonPositiveTotalHasNoBaselineShare() {
    // Baseline month T = 5 - 5 = 0: s0 = 0/0 is undefined -> null, never NaN.
    Row r = event("Z02").get(0);
    assertThat(r.<Integer>getAs(BASELINE_MONTHS)).isEqualTo(1);
    assertThat(r.<Object>getAs(BASELINE_SHARE)).isNull();
    assertDec(r, BASELINE_STREAM_TOTAL, "0");
    assertThat(r.<Object>getAs(UPLIFT)).isNull();
    assertThat(r.<Object>getAs(MARGIN_EFFECT)).isNull();
    assertDec(r, NET_ACTUAL, "5"); // 10 x (1 - 0.5)
  }

  @Test
  void severalVersionsStartingInOneMonthAreOneEventAgainstTheMonthBefore() {
    // V02 (3 Apr) and V03 (27 Apr) both start in April 2026: one event, new terms = V03 (in force
    // for April), old terms = V01 (in force in March). V02's 10 % never governs a whole month.
    assertThat(event("V02")).isEmpty();
    Row april = event("V03").get(0);
    assertThat(april.<Object>getAs(Columns.MONTH)).isEqualTo(month("2026-04"));
    assertThat(april.<String>getAs(Columns.OLD_TERMS_RECORD_ID)).isEqualTo("V01");
    assertDec(april, Columns.OLD_RESALE_SHARE_TO_LAB, "0.20");
    assertDec(april, Columns.NEW_RESALE_SHARE_TO_LAB, "0");
    assertThat(april.<Object>getAs(Columns.EFFECTIVE_FROM))
        .isEqualTo(UpliftFixtures.day("2026-04-27"));
    // s0 = 1 (sole provider). From 27 April (4/30 of the month): R = 100 x 4/30 =
    // 13.333333333333, N_act = 13.333333333333, N_cf = 1 x 13.333333333333 x 0.8 =
    // 10.666666666666 (12 places), U = 2.666666666667 = margin. V02's 3-27 April falls in neither
    // the baseline nor the post-event figures.
    assertDec(april, UPLIFT, "2.666666666667");
    assertDec(april, MARGIN_EFFECT, "2.666666666667");
    // The January 2025 event (V01) runs over all data months and points to the next change
    assertThat(event("V01"))
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.<Object>getAs(NEXT_EVENT_MONTH)).isEqualTo(month("2026-04")));
  }

  /** Rows of one event under the frozen model, ordered by stream and month. */
  static List<Row> event(String eventId) {
    return all.stream()
        .filter(r -> r.getAs(Columns.EVENT_ID).equals(eventId))
        .filter(r -> r.getAs("model").equals("frozen"))
        .sorted(
            Comparator.comparing((Row r) -> r.<String>getAs(Columns.STREAM))
                .thenComparing(r -> r.<Date>getAs(Columns.MONTH)))
        .toList();
  }

  static List<Row> rows(List<Row> rows, String stream) {
    return rows.stream().filter(r -> r.getAs(Columns.STREAM).equals(stream)).toList();
  }

  static void assertDec(Row r, String column, String expected) {
    assertThat(r.<BigDecimal>getAs(column)).as(column).isNotNull().isEqualByComparingTo(expected);
  }

  /**
   * volume + share + margin = N_act - N_pre and share + margin = U, exactly on the stored decimals.
   */
  static void assertInvariants(Row r) {
    BigDecimal volume = r.getAs(VOLUME_EFFECT);
    BigDecimal share = r.getAs(SHARE_EFFECT);
    BigDecimal margin = r.getAs(MARGIN_EFFECT);
    BigDecimal actual = r.getAs(NET_ACTUAL);
    BigDecimal pre = r.getAs(NET_PRE_EVENT);
    BigDecimal uplift = r.getAs(UPLIFT);
    assertThat(volume.add(share).add(margin)).isEqualByComparingTo(actual.subtract(pre));
    assertThat(share.add(margin)).isEqualByComparingTo(uplift);
  }
}
